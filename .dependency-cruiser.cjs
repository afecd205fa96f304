/**
 * The layering in docs/architecture.md, enforced (`npm run lint` runs it, so CI fails on a
 * violation). Capabilities live in src/<capability>/ and meet each other only through their
 * index.ts; platform/ is below every capability and knows none of them; nothing imports in a
 * cycle. Tests may reach inside (they test the parts).
 */
const CAPABILITIES = '(audit|content|directory|fhir|notifications|scheduling|site|staff|triage)';
const TESTS = ['\\.test\\.tsx?$', '-test-support\\.tsx?$', '^test/', '^bench/'];

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'Modules that import each other (directly or around a loop) cannot be understood or changed alone.',
      from: { pathNot: TESTS },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'platform-knows-no-capability',
      severity: 'error',
      comment:
        'src/platform is shared plumbing (database, HTTP, i18n, views, jobs, mail); a capability plugs into it, never the other way round.',
      from: { path: '^src/platform/' },
      to: { path: `^src/${CAPABILITIES}/` },
    },
    {
      name: 'capabilities-meet-through-index',
      severity: 'error',
      comment:
        'Another capability is used through its public surface, src/<capability>/index.ts, never its files (stores especially).',
      from: { path: `^src/${CAPABILITIES}/`, pathNot: TESTS },
      to: { path: `^src/${CAPABILITIES}/`, pathNot: ['^src/$1/', `^src/${CAPABILITIES}/index\\.ts$`] },
    },
    {
      name: 'composition-root-uses-index',
      severity: 'error',
      comment: 'The app (src/*.ts) wires capabilities together through their index.ts.',
      from: { path: '^src/[^/]+\\.tsx?$', pathNot: TESTS },
      to: { path: `^src/${CAPABILITIES}/`, pathNot: [`^src/${CAPABILITIES}/index\\.ts$`] },
    },
    {
      name: 'no-test-code-in-the-product',
      severity: 'error',
      from: { path: '^src/', pathNot: TESTS },
      to: { path: ['^test/', '\\.test\\.tsx?$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js'],
    },
  },
};
