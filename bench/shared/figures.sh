# Sourced by the bench run.sh scripts whose drivers print "RESULT key_median=… key_p95=… key_min=… key_max=… key_n=…
# key_samples=…" lines (bench/shared/BenchStats.cs). figures <driver output> <title> writes one Markdown table row per
# figure, plus the "rejected_requests" line, to stdout.
figures() {
  local driver=$1 title=$2
  echo "# $title"
  echo
  echo "| figure | median | p95 | min | max | n | samples |"
  echo "|---|---|---|---|---|---|---|"
  grep '^RESULT .*_median=' "$driver" | sed 's/^RESULT //' | awk '{
    split($1, a, "_median="); key = a[1]; median = a[2];
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "| %s | %s | %s | %s | %s | %s | %s |\n", key, median, v[key "_p95"], v[key "_min"], v[key "_max"], v[key "_n"], v[key "_samples"] }'
  grep '^RESULT rejected' "$driver" | sed 's/^RESULT /\n/'
}
