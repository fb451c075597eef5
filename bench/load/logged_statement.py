"""The last execution of a statement in a PostgreSQL log (log_min_duration_statement = 0), with its
logged parameter values put in place: what read-txn.sh and kept-lists.sh replay with pgbench."""
import re


def last_logged(log, pattern):
    """`log`: the log's lines; `pattern`: a regular expression the statement's first line matches."""
    idx = max(i for i, l in enumerate(log) if re.search(pattern, l) and 'execute' in l)
    stmt = re.sub(r'^.*?execute [^:]+: ', '', log[idx]); j = idx + 1
    while not re.match(r'^\d{4}-\d\d-\d\d .*DETAIL:', log[j]): stmt += ' ' + log[j]; j += 1
    params = {int(m.group(1)): m.group(2) for m in re.finditer(r"\$(\d+) = (NULL|'(?:[^']|'')*')", log[j])}
    for n in sorted(params, reverse=True): stmt = stmt.replace('$%d' % n, params[n])
    return stmt
