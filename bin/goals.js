#!/usr/bin/env node
// Start-up path: load only the built entry; it imports each command lazily.
import '../dist/main.js';
