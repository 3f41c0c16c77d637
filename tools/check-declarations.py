#!/usr/bin/env python3
"""Headers that declare a function defined in another folder (HACKING.md:
a feature's header declares only its own folder's functions).
usage: tools/check-declarations.py [APP_DIR]"""
import os, re, sys
root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'app')
defs = {}; decls = []
for d, _, names in os.walk(root):
    for n in names:
        p = os.path.join(d, n)
        t = open(p, encoding='utf-8').read()
        if n.endswith('.c'):
            for m in re.finditer(r'^(sonae_[a-z0-9_]+) \(', t, re.M):
                defs[m.group(1)] = d
        elif n.endswith('.h'):
            for m in re.finditer(r'^[A-Za-z].*?\b(sonae_[a-z0-9_]+)\s*\(', t, re.M):
                if '#define' in m.group(0) or 'typedef' in m.group(0):
                    continue
                decls.append((m.group(1), d, p))
bad = [(f, p, defs[f]) for f, d, p in decls if f in defs and defs[f] != d]
for f, p, d in bad:
    print(f'{p}: {f} is defined in {os.path.relpath(d, root)}')
print('misplaced declarations:', len(bad))
