// @ts-check
// Lint for the whole repo: TypeScript everywhere, Vue SFCs in web/, and the layer rules of docs/ARCHITECTURE.md
// ("Layers"), which the tools check rather than a reviewer: each rule's message says what to do instead.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import prettier from 'eslint-config-prettier/flat';
import globals from 'globals';

/** The Admin SDK stays behind these adapters; domain code takes what it needs from them. */
export const FIREBASE_ADMIN_ADAPTERS = [
  'functions/src/app.ts',
  'functions/src/firestore.ts',
  'functions/src/auth.ts',
  'functions/src/push/fcmTransport.ts',
  'functions/src/tasks/taskQueue.ts',
];

/** The web app's Firebase access: the SDK itself, and web/src/firebase by any relative path. */
const firebaseAccess = [
  {
    regex: '^(firebase|@firebase/[^/]+)(/.*)?$',
    message: 'Pages and components show and react: read and write through a store (web/src/stores), never the Firebase SDK.',
  },
  {
    regex: '^(\\.\\./)+firebase(/.*)?$',
    message: 'Pages and components never import web/src/firebase: read and write through a store (web/src/stores), which uses the typed refs.',
  },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/lib/**', '**/dist/**', 'test-results/**', '.emulators/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error', 'log', 'table'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['tests/**', '**/__tests__/**'],
    rules: { 'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='only']", message: '.only is not allowed' }] },
  },
  // Layers (docs/ARCHITECTURE.md): each folder imports only the layers below it.
  {
    files: ['web/src/pages/**/*.{ts,vue}', 'web/src/components/**/*.{ts,vue}'],
    rules: { 'no-restricted-imports': ['error', { patterns: firebaseAccess }] },
  },
  {
    files: ['web/src/composables/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+stores(/.*)?$',
              message: 'Composables hold lifecycles, not state: take what the store gives as an argument (the caller passes it), never import a store.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['functions/src/**/*.ts'],
    ignores: FIREBASE_ADMIN_ADAPTERS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^firebase-admin(/.*)?$',
              message: `Domain code never touches the Admin SDK: import from its adapter (${FIREBASE_ADMIN_ADAPTERS.map((path) => path.slice('functions/src/'.length)).join(', ')}), or add what you need there.`,
            },
          ],
        },
      ],
    },
  },
  // Last: turns off the stylistic rules Prettier owns (it formats; ESLint finds mistakes).
  prettier,
);
