"""CPU milliseconds spent so far by a PostgreSQL cluster: its postmaster (pid argv[1]) and every
descendant, reaped children included (utime+stime+cutime+cstime from /proc). Used by read-txn.sh and
kept-lists.sh to divide a pgbench run's CPU by its transactions."""
import os, sys

root = int(sys.argv[1]); stat = {}
for e in os.listdir('/proc'):
    if e.isdigit():
        try:
            s = open(f'/proc/{e}/stat').read(); f = s[s.rfind(')') + 2:].split(); stat[int(e)] = f
        except OSError: pass
tree = [root]
for p in tree: tree += [c for c, f in stat.items() if int(f[1]) == p]
print(sum(int(stat[p][11]) + int(stat[p][12]) + int(stat[p][13]) + int(stat[p][14]) for p in tree if p in stat) * 10)
