// Lint is where the architecture is enforced: Nx module boundaries by tag, and framework-free domain folders.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '.cache/**', 'data/**', 'artifacts/**', 'web/dist/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { '@nx': nx, '@typescript-eslint': tseslint.plugin },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          banTransitiveDependencies: false,
          enforceBuildableLibDependency: false,
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:domain', 'type:contracts', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:testing', 'type:contracts'] },
            // A service never imports another service: they talk by events and HTTP.
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:infra', 'type:domain', 'type:contracts', 'type:testing'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:service', 'type:infra', 'type:domain', 'type:contracts', 'type:testing'] },
            // The browser code talks to the platform over HTTP only.
            { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:web'] },
          ],
        },
      ],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Deciders are plain functions: no framework, no database, no bus.
    files: ['services/*/src/domain/**/*.ts', 'libs/domain/src/**/*.ts', 'libs/geo/src/**/*.ts', 'libs/calendar/src/**/*.ts', 'libs/hj212/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'pg', 'kafkajs', 'express', '@opentelemetry/*'], message: 'domain code stays framework-free' },
            {
              group: ['@qingyuan/*', '!@qingyuan/contracts', '!@qingyuan/domain', '!@qingyuan/geo', '!@qingyuan/calendar', '!@qingyuan/hj212'],
              message: 'domain code may use only contracts, the domain kernel, geo, calendar and the HJ 212 codec',
            },
            { group: ['../*'], message: 'domain code may not reach into the service around it' },
          ],
        },
      ],
    },
  },
  {
    // Only intake's vault module touches the identity vault's schema.
    files: ['**/*.ts'],
    ignores: ['services/intake/src/vault/**', 'services/intake/src/migrations/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Literal[value=/intake_vault\\./]', message: 'only services/intake/src/vault may read or write the identity vault' },
        { selector: 'TemplateElement[value.raw=/intake_vault\\./]', message: 'only services/intake/src/vault may read or write the identity vault' },
      ],
    },
  },
];
