"""The back office the site carries at /admin/: Decap CMS forms generated from the models.

`files` lists the content files it edits (from the topic registry), `forms` turns their models
into form fields, `cmsconfig` into Decap's configuration, `readiness` gives its readiness page
its data; `static/` holds the vendored Decap bundle and the pages this project writes. The
server side (`oit serve`'s local backend, saving, uploads) is in generator/tools/backoffice/.
"""
