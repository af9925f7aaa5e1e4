export function throwAwayServerEnv(options: { dataDir: string; port: number | string; databaseUrl?: string }): NodeJS.ProcessEnv;
