#!/usr/bin/env bash
# run.sh - the Action's scan step (action.yml), also run by `make
# test-install` in a fresh Debian chroot. Inputs come as environment
# variables (the Action maps its inputs onto them):
#   RL_PATHS          paths to scan, whitespace-separated (default .)
#   RL_FORMAT         report format of the gate: github (default), text, json, sarif
#   RL_FAIL_ON        error, warning (default), note, none
#   RL_BASELINE       baseline file: fail only on findings not in it
#   RL_CHANGED_SINCE  git revision: report only files changed since; "auto":
#                     the pull request's base branch, nothing on a push
#   RL_SARIF_FILE     also write every finding as SARIF here (for upload)
#   RL_ARGS           more racelint options, whitespace-separated
# Writes sarif-file= and exit-code= to $GITHUB_OUTPUT when that is set, and
# exits with racelint's status (0 clean, 1 findings, 2 error) unless
# RL_DEFER_EXIT=1 (the Action uploads SARIF first, then fails).
set -uo pipefail
racelint=${RL_RACELINT:-racelint}
read -r -a paths <<< "${RL_PATHS:-.}"
read -r -a extra <<< "${RL_ARGS:-}"
[ ${#paths[@]} -gt 0 ] || paths=(.)
out() { if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$1" >> "$GITHUB_OUTPUT"; fi; }

gate=(--format "${RL_FORMAT:-github}" --fail-on "${RL_FAIL_ON:-warning}")
[ -z "${RL_BASELINE:-}" ] || gate+=(--baseline "$RL_BASELINE")
since=${RL_CHANGED_SINCE:-}
if [ "$since" = auto ]; then
  since=
  if [ -n "${GITHUB_BASE_REF:-}" ]; then
    since=origin/$GITHUB_BASE_REF
    # actions/checkout fetches one commit by default: get the base branch
    git rev-parse -q --verify "$since" >/dev/null ||
      git fetch -q --no-tags origin "+refs/heads/$GITHUB_BASE_REF:refs/remotes/$since" || true
  fi
fi
[ -z "$since" ] || gate+=(--changed-since "$since")

if [ -n "${RL_SARIF_FILE:-}" ]; then
  # every finding, for code scanning (it tracks what is new itself)
  rc=0
  "$racelint" --format sarif --output "$RL_SARIF_FILE" --exit-zero "${extra[@]}" -- "${paths[@]}" || rc=$?
  if [ $rc != 0 ]; then echo "racelint: the SARIF scan failed ($rc)" >&2; out "exit-code=$rc"; exit $rc; fi
  out "sarif-file=$RL_SARIF_FILE"
fi
rc=0
"$racelint" "${gate[@]}" "${extra[@]}" -- "${paths[@]}" || rc=$?
out "exit-code=$rc"
if [ "${RL_DEFER_EXIT:-0}" = 1 ] && [ $rc = 1 ]; then exit 0; fi
exit $rc
