long total_bytes;

void stats_record(int bytes) {
  total_bytes += bytes; // expect: [shared-mutable-state] "while thread 'reporter' also accesses it in 'stats_bytes'"
}

long stats_bytes(void) { return total_bytes; }
