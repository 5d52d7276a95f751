# bash completion for racelint. Installed as
# PREFIX/share/bash-completion/completions/racelint. Rule names come from
# the installed binary (racelint --list-rules), so they never go stale; the
# test packaging/completions checks that every option of --help is here.
_racelint_rules() {
  "${COMP_WORDS[0]}" --list-rules 2>/dev/null | awk 'NR > 1 { print $1 }'
}

_racelint() {
  local cur prev words cword
  _init_completion 2>/dev/null || {
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
  }
  local opts="--format -o --output --fail-on --max-warnings --exit-zero --color --no-color -q --quiet --statistics
    --config --print-config --baseline --write-baseline --prune-baseline
    --changed-since -v --verbose --enable --disable --list-rules --explain
    -j --jobs --compile-commands -I -D --stdin-filename --max-file-size
    --parse-timeout --c-memory-limit --follow-symlinks --exclude --cache-dir --no-cache --root
    --version -h --help --fix --unsafe-fixes --diff --fix-only"
  case $prev in
    --format) mapfile -t COMPREPLY < <(compgen -W 'text json sarif github' -- "$cur"); return ;;
    --fail-on) mapfile -t COMPREPLY < <(compgen -W 'error warning note none' -- "$cur"); return ;;
    --max-warnings) return ;;
    --enable | --disable | --explain | --fix-only)
      mapfile -t COMPREPLY < <(compgen -W "$(_racelint_rules)" -- "${cur##*,}"); return ;;
    -o | --output | --config | --print-config | --baseline | --write-baseline | \
      --compile-commands | --stdin-filename)
      mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return ;;
    -I | --cache-dir | --root)
      mapfile -t COMPREPLY < <(compgen -d -- "$cur"); return ;;
    --changed-since)
      mapfile -t COMPREPLY < <(compgen -W "$(git for-each-ref --format='%(refname:short)' 2>/dev/null)" -- "$cur"); return ;;
    -j | --jobs | -D | --max-file-size | --parse-timeout | --c-memory-limit | --exclude) return ;;
  esac
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
  elif [[ $COMP_CWORD -eq 1 && lsp == "$cur"* ]]; then
    mapfile -t COMPREPLY < <(compgen -W lsp -- "$cur"; compgen -f -- "$cur")
  else
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  fi
}
complete -o filenames -F _racelint racelint
