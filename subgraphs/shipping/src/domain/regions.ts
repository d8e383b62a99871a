/**
 * Colombia's 32 departments and its capital district, as addresses name them (Address.region). Quotes accept a
 * region however it is written: case, accents, spaces and punctuation do not matter ("bogota dc", "BOGOTÁ, D.C.").
 */
export const DEPARTMENTS = [
  'Amazonas', 'Antioquia', 'Arauca', 'Archipiélago de San Andrés, Providencia y Santa Catalina', 'Atlántico', 'Bogotá D.C.',
  'Bolívar', 'Boyacá', 'Caldas', 'Caquetá', 'Casanare', 'Cauca', 'Cesar', 'Chocó', 'Córdoba', 'Cundinamarca', 'Guainía',
  'Guaviare', 'Huila', 'La Guajira', 'Magdalena', 'Meta', 'Nariño', 'Norte de Santander', 'Putumayo', 'Quindío',
  'Risaralda', 'Santander', 'Sucre', 'Tolima', 'Valle del Cauca', 'Vaupés', 'Vichada',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** Lowercase letters and digits only, accents taken off (NFD splits "á" into "a" and a combining mark). */
export const regionKey = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Short names people write for a department whose official name is longer. */
const ALIASES: Readonly<Record<string, Department>> = {
  bogota: 'Bogotá D.C.',
  bogotadistritocapital: 'Bogotá D.C.',
  santafedebogota: 'Bogotá D.C.',
  sanandres: 'Archipiélago de San Andrés, Providencia y Santa Catalina',
  sanandresyprovidencia: 'Archipiélago de San Andrés, Providencia y Santa Catalina',
  sanandresprovidenciaysantacatalina: 'Archipiélago de San Andrés, Providencia y Santa Catalina',
  guajira: 'La Guajira',
  valle: 'Valle del Cauca',
};

const BY_KEY: ReadonlyMap<string, Department> = new Map([...DEPARTMENTS.map((d) => [regionKey(d), d] as const), ...Object.entries(ALIASES)]);

/** The department a region names, or null when it names none. */
export const departmentOf = (region: string): Department | null => BY_KEY.get(regionKey(region)) ?? null;
