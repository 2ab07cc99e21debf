FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 DEBUG=0
WORKDIR /app

# The runtime lock only: every package pinned, every file checked against its hash.
COPY requirements.txt .
RUN pip install --no-deps --require-hashes -r requirements.txt && pip check

COPY . .
# collectstatic needs settings but no database connection; a throwaway random key is enough at build time.
RUN SECRET_KEY=$(python -c 'import secrets; print(secrets.token_urlsafe(50))') DATABASE_URL=postgres://build@localhost/build python manage.py collectstatic --noinput \
    && useradd --create-home zonescope
USER zonescope

EXPOSE 8000
# Migrations, the cache table and the registry are applied on every start (all idempotent), then gunicorn serves.
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py createcachetable && python manage.py load_zones && python manage.py load_metrics && exec gunicorn config.wsgi:application --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-3} --access-logfile -"]
