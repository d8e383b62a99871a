-- One database per service: no service can read another's tables. Run once by the postgres image on an empty
-- volume (docker-entrypoint-initdb.d), as POSTGRES_USER, who owns them.
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
-- The gateways' shared client budgets (GATEWAY_DATABASE_URL).
CREATE DATABASE gateway;
