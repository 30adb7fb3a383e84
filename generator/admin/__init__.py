"""The back office: Decap CMS forms over the same `content/` files, generated from the models.

`forms` turns the pydantic models into Decap's configuration and form data; `saving` writes a
form back into its YAML file (comments and key order kept) after the same validation as
`oit check`; `media` takes uploads; `backend` answers Decap's local proxy protocol; `serve`
mounts all of it on `oit serve`; `static/` holds the vendored Decap bundle and our pages.
"""
