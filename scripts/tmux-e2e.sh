#!/usr/bin/env bash
# End-to-end run of `goals init` and `goals new` in a real terminal.
#
# Builds dist/, then runs test/e2e/tmux.test.ts: the built CLI in a tmux
# pane (100×50, NO_COLOR=1, TZ=Europe/Sofia, --as-of 2026-11-16), answered
# with `tmux send-keys`, read with `tmux capture-pane`. It covers: init with
# a first goal (a mistyped time zone answered with a did-you-mean, CSAT 0.78
# refused as a ratio, CSAT 100 % caught as a perfect score, "next month"
# caught as an unrealistic pace, "improve service" caught as a vague title),
# Ctrl-C in `goals new` (exit 130, goals.yaml unchanged), a second goal with
# a new objective and milestones, `goals validate` passing, and a third goal
# asked in S-M-A-R order whose kind list offers no "raise first response
# time", whose notes wrap between words at 100 columns, and whose "Choose a
# later deadline" offers the first quarter by which the target is realistic.
#
# Usage: scripts/tmux-e2e.sh [TRANSCRIPT_FILE]
# Prints the whole pane afterwards (and keeps it in TRANSCRIPT_FILE, default
# a temp file). Needs tmux; the test skips itself without it.
set -euo pipefail
cd "$(dirname "$0")/.."
transcript="${1:-$(mktemp -t goals-tmux-XXXXXX.txt)}"
npm run build --silent
GOALS_TMUX_TRANSCRIPT="$transcript" npx vitest run test/e2e/tmux.test.ts
echo "── tmux pane transcript ($transcript) ──"
# Blank lines are the unused bottom of the pane.
sed -e '/^$/d' "$transcript"
