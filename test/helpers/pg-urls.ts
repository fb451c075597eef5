/** Where the test PostgreSQL server is: NANDUTI_TEST_PG_URL, else 127.0.0.1:5432 with trust auth. */
export function adminUrl(): string {
  return process.env.NANDUTI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}
