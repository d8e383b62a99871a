-- One database per service: no service can read another's tables.
CREATE DATABASE users;
CREATE DATABASE products;
CREATE DATABASE inventory;
CREATE DATABASE orders;
CREATE DATABASE payments;
CREATE DATABASE notifications;
CREATE DATABASE support;
CREATE DATABASE analytics;
CREATE DATABASE assistant;
CREATE DATABASE shipping;
CREATE DATABASE purchasing;
CREATE DATABASE assignment;
