"""deploy/nginx.conf filled in with this instance's settings and addresses.

The same function writes the file an operator installs and the one tests/production/ and
`make serve-prod` run, so what is tested is what is shipped.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.template import Context, Engine

DEPLOY_DIR = Path(settings.BASE_DIR) / "deploy"
# Room for the form's other fields around the audio file itself.
BODY_MARGIN_MB = 10

# What Debian's /etc/nginx/nginx.conf gives the site in production, for an nginx started by an
# unprivileged user in a folder of its own (make serve-prod, tests/production).
STANDALONE = """{{ user }}daemon off;
worker_processes 2;
pid {{ folder }}/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log {{ access_log }};
    client_body_temp_path {{ folder }}/body;
    proxy_temp_path {{ folder }}/proxy;
    fastcgi_temp_path {{ folder }}/fastcgi;
    uwsgi_temp_path {{ folder }}/uwsgi;
    scgi_temp_path {{ folder }}/scgi;
    include {{ folder }}/radio.conf;
}
"""


def site_context(*, listen, upstream, folder):
    """The values deploy/nginx.conf and its snippets are filled in with."""
    return {
        "listen": listen,
        "upstream": upstream,
        "server_name": urlsplit(settings.PUBLIC_BASE_URL).hostname or "_",
        "static_root": Path(settings.STATIC_ROOT).resolve(),
        "media_root": Path(settings.MEDIA_ROOT).resolve(),
        "x_accel_prefix": settings.AUDIO_X_ACCEL_PREFIX.rstrip("/"),
        "max_upload_mb": settings.AUDIO_MAX_UPLOAD_MB,
        "max_body_mb": settings.AUDIO_MAX_UPLOAD_MB + BODY_MARGIN_MB,
        "snippets_dir": Path(folder).resolve() / "radio.d",
        "settings": settings,
    }


def render(template_text, context):
    return Engine(autoescape=False).from_string(template_text).render(Context(context))


def write_nginx_config(folder, *, listen, upstream, standalone=False, access_log="off"):
    """Write radio.conf (the server block) and radio.d/ (its snippets) into folder; with
    standalone, an nginx.conf around them too. Returns the path of the file to give nginx."""
    folder = Path(folder)
    context = site_context(listen=listen, upstream=upstream, folder=folder)
    snippets = context["snippets_dir"]
    snippets.mkdir(parents=True, exist_ok=True)
    for template in sorted((DEPLOY_DIR / "nginx").glob("*.conf")):
        (snippets / template.name).write_text(render(template.read_text(), context))
    site = folder / "radio.conf"
    site.write_text(render((DEPLOY_DIR / "nginx.conf").read_text(), context))
    if not standalone:
        return site
    main = folder / "nginx.conf"
    main.write_text(
        render(
            STANDALONE,
            {
                "folder": folder.resolve(),
                "access_log": access_log,
                # nginx's workers run as nobody when it starts as root: they must read media/.
                "user": "user root;\n" if os.geteuid() == 0 else "",
            },
        )
    )
    return main
