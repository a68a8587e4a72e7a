// The PostgreSQL and Redis servers the tests use (.ci/run starts them when they are not running).
export const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = 'redis://127.0.0.1:6379';
