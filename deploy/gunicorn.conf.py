"""gunicorn behind nginx (deploy/nginx.conf): `gunicorn -c deploy/gunicorn.conf.py radio.wsgi`.

nginx buffers requests and answers, so a few sync workers are enough: none is held by a slow
client. WEB_CONCURRENCY (read by gunicorn itself) sets their number; `-b` the address.
"""

import multiprocessing

bind = "127.0.0.1:8000"
workers = min(4, multiprocessing.cpu_count() * 2)
worker_class = "sync"
# Django is loaded once, before the workers are forked: they answer as soon as they exist.
preload_app = True
# A request taking longer is a bug: its worker is restarted and the traceback logged.
timeout = 30
graceful_timeout = 20
keepalive = 5
# Workers are renewed now and then, so a slow leak never grows for days; rarely, and never two
# at once: a worker takes a second or two to exit (it writes its waiting audience hits), and at
# a few hundred requests a second a lower count renewed both workers every few seconds, with no
# worker left to answer meanwhile (make bench measured half the rate).
max_requests = 100_000
max_requests_jitter = 50_000
# nginx on the same machine says which scheme the visitor used.
forwarded_allow_ips = "127.0.0.1,::1"
# Errors on stderr (the journal); no access log here: nginx keeps it.
errorlog = "-"
accesslog = None
capture_output = True
# No control socket in the service user's home: systemd restarts and reloads gunicorn.
control_socket_disable = True
