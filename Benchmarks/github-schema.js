// Where the shared GitHub schema SDL is found, for every node script that needs it (the
// graphql-js benchmark sides and the conformance corpus generators).
'use strict';
const fs = require('fs');
const path = require('path');

/**
 * The text of github-schema.graphql: `explicitPath` when given, else $SHARED_DIR/data, else the
 * `shared` folder beside the repository, else /work/shared. Throws when none exists.
 */
function readGithubSchema(explicitPath = null) {
  const candidates = [
    explicitPath,
    process.env.SHARED_DIR && path.join(process.env.SHARED_DIR, 'data/github-schema.graphql'),
    path.join(__dirname, '../../shared/data/github-schema.graphql'),
    '/work/shared/data/github-schema.graphql',
  ].filter(Boolean);
  for (const candidate of candidates) if (fs.existsSync(candidate)) return fs.readFileSync(candidate, 'utf8');
  throw new Error('github-schema.graphql not found; set SHARED_DIR (or pass --github PATH to the corpus generators)');
}

module.exports = { readGithubSchema };
