#!/usr/bin/env -S node --import tsx
// `npx smm …`: the operator's command line (see src/cli/smm.ts).
import '../src/cli/smm.ts'
