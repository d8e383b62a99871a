export declare const EXTRA_START_PARAMS: string[];
export declare function templateDir(): string;
export declare function templateExists(template: string): boolean;
export declare function ensureTemplate(template?: string): Promise<string>;
