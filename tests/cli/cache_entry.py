#!/usr/bin/env python3
"""cache_entry.py ENTRY FIELD VALUE - rewrites one field of a racelint cache
entry in place (the layout written by analyzer/engine/cache.c, little-endian).

FIELD names the first occurrence of a field: ndeps, nnotices, nlocal,
severity, loc.start, loc.line, nrelated, nfixes, fix.safety, nedits,
fact.nfixes, fact.fix.safety, fact.nedits, nfacts, fact.kind, fact.rule, nsupps, supp.kind, supp.first, notice.error.
Prints "absent" and exits 3 when the entry has no such field (e.g. no fix)."""
import struct
import sys

LOC = 32  # RlLoc: 8 x uint32 (line, col, end_line, end_col, col_cp, end_col_cp, start, end)


class Entry:
    def __init__(self, data):
        self.d = data
        self.o = 4
        self.at = {}

    def u32(self, name=None):
        if name and name not in self.at:
            self.at[name] = self.o
        v = struct.unpack_from('<I', self.d, self.o)[0]
        self.o += 4
        return v

    def u64(self):
        self.o += 8

    def s(self):
        n = self.u32()
        if n != 0xFFFFFFFF:
            self.o += n

    def loc(self, name):
        if name + '.line' not in self.at:
            self.at[name + '.line'] = self.o
            self.at[name + '.start'] = self.o + 24
        self.o += LOC

    def obj(self):  # RlCObj: kind, param, nelem, flags, name, owner
        for _ in range(4):
            self.u32()
        self.s(); self.s()

    def held(self):
        for _ in range(self.u32()):
            self.obj(); self.u32(); self.u32()

    # the record of each standard fact kind (rl_cache__w_record), as a list
    # of parts: s string, u u32, o object, h held set, p access path
    RECORDS = {1: 'sssu', 2: 'sssu', 3: 'sss', 4: 'shuo', 5: 'sss', 20: 'ohus', 21: 'ohus',
               22: 'ophss', 23: 'os', 24: 'ouu', 25: 'osuu', 26: 'ossu', 27: 'ss', 28: 's',
               29: 'suu', 30: 'suu', 31: 'oss', 32: 'o', 33: 'sssuu',
               40: 'sssuu'}

    def record(self, kind, rule):
        if rule != 0xFFFF:  # a rule's own kind: a, b, c
            self.s(); self.s(); self.s()
            return
        for part in self.RECORDS[kind]:
            if part == 's': self.s()
            elif part == 'u': self.u32()
            elif part == 'o': self.obj()
            elif part == 'h': self.held()
            elif part == 'p':
                for _ in range(self.u32()):
                    self.s(); self.u32()

    def fixes(self, pre):  # w_fixes: a finding's or a fact's
        for _ in range(self.u32(pre + 'nfixes')):
            self.s(); self.u32(pre + 'fix.safety')
            for _ in range(self.u32(pre + 'nedits')):
                self.u32(); self.u32(); self.s(); self.loc(pre + 'edit.loc')

    def walk(self):
        self.s()  # version
        self.u64()  # key
        self.u32()  # analyzed
        self.u32(); self.u32(); self.s()  # incomplete line, setup incomplete, missing header
        self.u64()  # content hash
        for _ in range(self.u32('ndeps')):
            self.s(); self.u64(); self.u64()
        for _ in range(self.u32('nnotices')):
            self.s(); self.u32('notice.error')
        for _ in range(self.u32('nlocal')):
            self.s(); self.u32('severity'); self.loc('loc')
            for _ in range(4):
                self.s()
            for _ in range(self.u32('nrelated')):
                self.s(); self.s(); self.loc('related.loc'); self.s()
            self.fixes('')
        for _ in range(self.u32('nfacts')):
            kind = self.u32('fact.kind'); self.s(); rule = self.u32('fact.rule')
            self.u32(); self.u32()
            self.s()  # func
            self.loc('fact.loc'); self.s()
            self.fixes('fact.')  # fixes kept for phase 2 (rl_fact_fix)
            self.record(kind, rule)
        for _ in range(self.u32('nsupps')):
            self.u32('supp.kind'); self.u32('supp.first'); self.u32(); self.loc('supp.loc')
            self.s(); self.s(); self.s()
            self.u32(); self.u32()  # nids, en_nids
            for _ in range(2):  # the comment's deletion edit, the enable's
                self.u32(); self.u32(); self.s(); self.loc('supp.edit.loc')
        assert self.d[self.o:] == b'END!', 'unexpected entry layout'


def main():
    path, field, value = sys.argv[1], sys.argv[2], int(sys.argv[3], 0)
    d = bytearray(open(path, 'rb').read())
    e = Entry(d)
    e.walk()
    if field not in e.at:
        print('absent')
        sys.exit(3)
    struct.pack_into('<I', d, e.at[field], value)
    open(path, 'wb').write(d)


main()
