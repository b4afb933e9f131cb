// The dependency rules of docs/architecture.md, enforced (npm run lint; part of npm test).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'No import cycles anywhere.', from: {}, to: { circular: true } },
    {
      name: 'apps-are-separate',
      severity: 'error',
      comment: 'Apps never import each other; they meet through packages/contracts over HTTP and sockets.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'nlu-is-self-contained',
      severity: 'error',
      comment: 'packages/nlu imports nothing of ours.',
      from: { path: '^packages/nlu/' },
      to: { path: '^(apps|packages)/', pathNot: '^packages/nlu/' },
    },
    {
      name: 'nlu-has-no-io',
      severity: 'error',
      comment: 'packages/nlu is pure: no file system, network or processes.',
      from: { path: '^packages/nlu/src/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'], path: '^(fs|node:fs|fs/promises|node:fs/promises|net|node:net|http|node:http|https|node:https|child_process|node:child_process)$' },
    },
    {
      name: 'contracts-only-zod',
      severity: 'error',
      comment: 'packages/contracts imports only zod.',
      from: { path: '^packages/contracts/' },
      to: { pathNot: '^(packages/contracts/|node_modules/zod/)' },
    },
    {
      name: 'domains-know-no-framework',
      severity: 'error',
      comment: 'Domains never import Fastify, Socket.IO or the layers above them.',
      from: { path: '^apps/server/src/domains/', pathNot: '\\.test\\.ts$' },
      to: {
        path: [
          'node_modules/(fastify|@fastify|fastify-type-provider-zod|socket\\.io|@socket\\.io)/',
          '^apps/server/src/(http|realtime|cli|testing)/',
          '^apps/server/src/(app|main|boot|jobs)\\.ts$',
          '^apps/server/src/events/subscribers\\.ts$',
        ],
      },
    },
    {
      name: 'domains-meet-through-index',
      severity: 'error',
      comment: 'A domain uses another only through its index.ts.',
      from: { path: '^apps/server/src/domains/([^/]+)/' },
      to: { path: '^apps/server/src/domains/[^/]+/', pathNot: ['^apps/server/src/domains/$1/', '^apps/server/src/domains/[^/]+/index\\.ts$'] },
    },
    {
      name: 'platform-has-no-domain',
      severity: 'error',
      comment: 'platform/ is below everything: no domain, event, http or realtime imports.',
      from: { path: '^apps/server/src/platform/', pathNot: '\\.test\\.ts$' },
      to: { path: '^apps/server/src/(domains|events|http|realtime|cli|testing)/|^apps/server/src/(app|main|boot|jobs)\\.ts$' },
    },
    {
      name: 'http-and-realtime-skip-domain-insides',
      severity: 'error',
      comment: 'The web layers reach domains only through their index.ts.',
      from: { path: '^apps/server/src/(http|realtime|cli|events)/' },
      to: { path: '^apps/server/src/domains/[^/]+/', pathNot: '^apps/server/src/domains/[^/]+/index\\.ts$' },
    },
    {
      name: 'production-code-skips-tests',
      severity: 'error',
      comment: 'Nothing but tests imports test files or the test harness.',
      from: { pathNot: ['\\.test\\.tsx?$', '^apps/server/src/testing/', '^e2e/', '^bench/'] },
      to: { path: ['\\.test\\.tsx?$', '^apps/server/src/testing/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
