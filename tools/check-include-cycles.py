#!/usr/bin/env python3
"""Include cycles among the project's modules: a module is sonae-x.c with
sonae-x.h, sonae-x-private.h and sonae-x-builder.h. Prints each group of
modules that include each other in a circle (HACKING.md: only the
application and its window may).
usage: tools/check-include-cycles.py [APP_DIR]"""
import os, re, sys
root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'app')
files = {}
for d, _, names in os.walk(root):
    for n in names:
        if n.endswith(('.c', '.h')):
            files[n] = os.path.join(d, n)
def module(n):
    return re.sub(r'(-private|-builder)?\.(c|h)$', '', n)
graph = {}
for n, p in files.items():
    m = module(n)
    for inc in re.findall(r'#include "([^"]+)"', open(p, encoding='utf-8').read()):
        if inc in files and module(inc) != m:
            graph.setdefault(m, set()).add(module(inc))
# strongly connected components (Tarjan)
index = {}; low = {}; stack = []; on = set(); sccs = []; i = [0]
def strong(v):
    index[v] = low[v] = i[0]; i[0] += 1; stack.append(v); on.add(v)
    for w in graph.get(v, ()):
        if w not in index:
            strong(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v: break
        if len(comp) > 1: sccs.append(sorted(comp))
sys.setrecursionlimit(10000)
for v in list(graph):
    if v not in index: strong(v)
for c in sccs:
    print(len(c), ' '.join(c))
print('cycles (strongly connected groups):', len(sccs))
