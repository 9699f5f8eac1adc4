#!/usr/bin/env node
// The command line bundled by `npm run build` (scripts/bundle-cli.mjs): one file per command starts
// faster than the hundreds of modules under dist/cli/.
import {main} from '../dist/cli-bundle/main.js'

main()
