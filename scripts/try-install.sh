#!/usr/bin/env bash
# The ways the README installs goals, tried for real in a temp folder: each
# installs with npm (better-sqlite3 compiles from source where its prebuilt
# binary cannot be downloaded), then runs `goals --version` and
# `goals check --as-of 2026-11-16` on the example project, which must print
# the version and exit 1 (two example goals fail the default --fail-on).
#
#   tarball  npm pack here, then `npm install --save-dev ./goals-as-code-*.tgz`
#            in a new team project, and `npx goals …` there (2-5 minutes)
#   git      `npm install --save-dev git+file://…` of a clone of HEAD: npm
#            installs the devDependencies in its own clone to build (5-15 minutes)
#   global   a clone of HEAD, `npm install && npm install -g .` into a temp
#            prefix, and `goals …` from another folder (5-10 minutes)
#
# Usage: scripts/try-install.sh [tarball] [git] [global]   (default: tarball)
# Uses what is committed (git and global clone HEAD); tarball packs the
# working tree. The temp folder is removed at the end unless KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
ways=("$@")
[ ${#ways[@]} -eq 0 ] && ways=(tarball)
work=$(mktemp -d "${TMPDIR:-/tmp}/goals-install-XXXXXX")
[ "${KEEP:-}" = 1 ] || trap 'rm -rf "$work"' EXIT
version=$(node -p "require('./package.json').version")

# A team's project: its goals.yaml and exports, and a package.json of its own
# that approves better-sqlite3's install script as the README says.
new_project() {
  mkdir -p "$1/examples"
  cp "$repo/goals.example.yaml" "$1/goals.yaml"
  cp "$repo"/examples/*.csv "$1/examples/"
  (cd "$1" && npm init -y >/dev/null && npm pkg set allowScripts.better-sqlite3=true --json)
}

# expect_goals WAY COMMAND…: runs the goals COMMAND here and checks what it prints.
expect_goals() {
  local way=$1
  shift
  local got
  got=$("$@" --version)
  [ "$got" = "$version" ] || { echo "✖ $* --version printed '$got', not $version" >&2; exit 1; }
  set +e
  "$@" check --as-of 2026-11-16 --no-color >"$work/check.out" 2>&1
  local code=$?
  set -e
  if [ $code -ne 1 ] || ! grep -q '✖ 2 goals failing (--fail-on off-track,missed): fcr-75, churn-2pct' "$work/check.out"; then
    cat "$work/check.out" >&2
    echo "✖ $* check exited $code" >&2
    exit 1
  fi
  echo "✔ $way: $* --version printed $got; check exited 1 with fcr-75 and churn-2pct failing"
}

for way in "${ways[@]}"; do
  start=$SECONDS
  case $way in
    tarball)
      npm pack --pack-destination "$work" >/dev/null
      new_project "$work/team-tarball"
      cd "$work/team-tarball"
      npm install --save-dev "$work/goals-as-code-$version.tgz"
      expect_goals "$way" npx goals
      ;;
    git)
      git clone -q "$repo" "$work/clone-git"
      new_project "$work/team-git"
      cd "$work/team-git"
      npm install --save-dev "git+file://$work/clone-git"
      expect_goals "$way" npx goals
      ;;
    global)
      git clone -q "$repo" "$work/clone-global"
      cd "$work/clone-global"
      npm install
      npm install -g --prefix "$work/global" .
      new_project "$work/team-global"
      cd "$work/team-global"
      PATH="$work/global/bin:$PATH" expect_goals "$way" goals
      ;;
    *)
      echo "Unknown way '$way': tarball, git or global." >&2
      exit 2
      ;;
  esac
  echo "  ($way: $((SECONDS - start)) s)"
  cd "$repo"
done
