"""The back office's server side, mounted on `oit serve`: Decap's local backend protocol
(`backend`), saving a form into its YAML file (`saving`), uploads (`media`), and the WSGI
wrapper around MkDocs' preview server (`serve`, `mkdocs_hook`). The forms and configuration
are in generator/publish/admin/.
"""
