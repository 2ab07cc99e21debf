from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from articles.editors import UPLOAD_PERMISSION
from articles.forms import UploadForm
from articles.services import DuplicateArticle, ExtractionFailed, store_article
from zones.models import Zone


@login_required
@permission_required(UPLOAD_PERMISSION, raise_exception=True)
def upload_article(request):
    """Read a report and show what was found in it; store it once the editor has checked that."""
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        if not form.is_ready_to_save:
            form = form.confirmation_form()
        else:
            try:
                article = store_article(form.article_input(), added_by=request.user)
            except (DuplicateArticle, ExtractionFailed) as refusal:  # e.g. stored by someone else meanwhile
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _("The report is stored; please review its figures."))
                return redirect("articles:review", article.pk)
    return render(request, "articles/upload.html", {
        "form": form,
        "zone_names": Zone.objects.values_list("name", flat=True),
    })
