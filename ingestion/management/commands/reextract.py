from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.models import Article
from ingestion.services import ExtractionFailed, reextract_article
from ingestion.tasks import queue_reextraction


class Command(BaseCommand):
    help = (
        "Extract the figures of articles again (after the engine or the catalogue improved). "
        "Automatic figures are replaced; figures an editor reviewed are kept as the editor left them. "
        "Articles named by id are extracted here; --all queues a job per article for the workers "
        "(manage.py procrastinate worker) unless --now."
    )

    def add_arguments(self, parser):
        parser.add_argument("article_ids", nargs="*", type=int, metavar="ARTICLE_ID")
        parser.add_argument("--all", action="store_true", help="every article")
        parser.add_argument("--now", action="store_true", help="with --all: extract here, not as jobs")

    def handle(self, *args, article_ids, all=False, now=False, **options):
        if all == bool(article_ids):
            raise CommandError("Give article ids or --all (not both).")
        articles = Article.objects.order_by("pk")
        if article_ids:
            articles = articles.filter(pk__in=article_ids)
            missing = set(article_ids) - set(articles.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"No such article: {', '.join(map(str, sorted(missing)))}")
        if all and not now:
            self.queue_jobs(articles)
        else:
            self.extract_here(articles, verbosity=options["verbosity"])

    def queue_jobs(self, articles):
        queued = [job_id for article in articles.iterator() if (job_id := queue_reextraction(article))]
        waiting = articles.count() - len(queued)
        self.stdout.write(
            f"Queued {len(queued)} extraction jobs ({waiting} articles already had one waiting); "
            "a worker (manage.py procrastinate worker) runs them."
        )

    def extract_here(self, articles, *, verbosity: int):
        figures, failed = 0, []
        for article in tqdm(
            articles,
            total=articles.count(),
            desc="Extracting",
            unit="article",
            disable=verbosity < 1,
        ):
            try:
                figures += len(reextract_article(article))
            except ExtractionFailed:
                failed.append(f"#{article.pk}: {article.status_message}")
        self.stdout.write(
            f"Extracted {articles.count() - len(failed)} articles ({figures} automatic figures), "
            f"failed {len(failed)}."
        )
        for line in failed:
            self.stderr.write(f"  failed  {line}")
