// The import boundaries of the design are enforced here: core is pure, app sees only core,
// the outer rooms (sources, store, queue, adapters) see core and never each other, and only
// runtime/ and the CLI wire everything together. Only config/ reads process.env.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const rooms = ['app', 'sources', 'store', 'queue', 'adapters', 'runtime', 'config', 'cli'];
const roomPattern = (room) => [`**/${room}/**`, `**/${room}`, `../${room}`, `../../${room}`];

function forbid(rooms, extra = []) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...rooms.map((room) => ({
            group: roomPattern(room),
            message: `This room may not import from ${room}/ (see DESIGN.md, layout rules).`,
          })),
          ...extra,
        ],
      },
    ],
  };
}

const nodeAndSdks = [
  {
    group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'dns', 'os', 'child_process', 'crypto'],
    message: 'core/ is pure: no node:* imports.',
  },
  {
    group: ['telegraf', 'telegraf/*', 'discord.js', 'better-sqlite3', 'pg', 'kysely', 'undici', 'pino', 'bullmq', 'ioredis', 'node-cron', 'dotenv'],
    message: 'core/ is pure: no SDKs or I/O libraries.',
  },
];

// core/ has no clock and loads nothing at run time: the time comes in through the Clock port (or as an argument).
const coreSyntax = {
  'no-restricted-syntax': [
    'error',
    { selector: 'ImportExpression', message: 'core/ is pure: no import() (a module loaded at run time is I/O).' },
    { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'core/ has no clock: take the time from the Clock port or an argument.' },
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core/ has no clock: take the time from the Clock port or an argument.' },
  ],
};

const typed = ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'test-dist/**', 'data/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/config/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Only src/config/ reads process.env.' }],
    },
  },
  { files: ['src/core/**/*.ts'], rules: { ...forbid(rooms, nodeAndSdks), ...coreSyntax } },
  // With the types: a promise nobody awaits or handles loses its error (and, in a handler, its order); an `any`
  // that flows on unchecked hides a wrong shape until it runs.
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: typed })),
  {
    files: typed,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // An implementation of an async port stays `async` without awaiting: a throw in it then rejects the
      // promise, as callers of the port expect, instead of throwing synchronously.
      '@typescript-eslint/require-await': 'off',
    },
  },
  { files: ['src/app/**/*.ts'], rules: forbid(rooms.filter((r) => r !== 'app')) },
  { files: ['src/sources/**/*.ts'], rules: forbid(rooms.filter((r) => r !== 'sources')) },
  { files: ['src/store/**/*.ts'], rules: forbid(rooms.filter((r) => r !== 'store')) },
  { files: ['src/queue/**/*.ts'], rules: forbid(rooms.filter((r) => r !== 'queue')) },
  { files: ['src/adapters/**/*.ts'], rules: forbid(rooms.filter((r) => r !== 'adapters')) },
  { files: ['src/config/**/*.ts'], rules: forbid(rooms.filter((r) => r !== 'config')) },
);
