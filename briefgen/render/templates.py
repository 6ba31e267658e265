"""Template lookup: the user's folder first, then the built-ins (also as `default:NAME`)."""
from __future__ import annotations

import re
from pathlib import Path

from briefgen.errors import BriefgenError


def builtin_template_dir() -> Path:
    """The built-in templates: inside the installed package, or the repository's templates/."""
    pkg = Path(__file__).resolve().parent.parent
    for candidate in (pkg / "templates", pkg.parent / "templates"):
        if (candidate / "brief.html.j2").is_file():
            return candidate
    raise BriefgenError("[E010] the built-in templates are missing; reinstall briefgen")


def _autoescape(name: str | None) -> bool:
    # Everything but Markdown templates is HTML and escaped.
    return not (name or "").endswith((".md.j2", ".md"))


def _markdown_text(value):
    """Keep article text inert in Markdown: '<' as an entity, line breaks as spaces (a break would end a list item)."""
    # Markdown passes HTML tags through, and autoescape would entity-encode quotes and ampersands too.
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return re.sub(r"[ \t]*\n\s*", " ", value.replace("<", "&lt;"))
    return value


def _folder_loader(folder: str | Path):
    """A FileSystemLoader that refuses a template resolving outside its folder (a symlink out of it),
    as the PDF's fetcher refuses such files: a templates folder must not be a way to read /etc/passwd."""
    import os

    from jinja2 import FileSystemLoader, TemplateError
    from jinja2.loaders import split_template_path

    class FolderLoader(FileSystemLoader):
        def get_source(self, environment, template):
            pieces = split_template_path(template)  # refuses ".." itself
            for base in self.searchpath:
                path = Path(base, *pieces)
                if path.is_file():
                    # Checked before reading: resolve() follows every link in the path.
                    target, root = path.resolve(), Path(base).resolve()
                    if root != target and root not in target.parents:
                        raise TemplateError(f"template '{template}' is a link to {target}, outside the templates folder; "
                                            "refused (copy the file into the folder instead)")
                    break
            return super().get_source(environment, template)

    return FolderLoader(os.fspath(folder))


def make_environment(user_dir: str | Path | None = None, *, undefined=None, markdown: bool = False):
    """A sandboxed Jinja2 environment with StrictUndefined (or `undefined`) and autoescape (or Markdown-safe output)."""
    from jinja2 import ChoiceLoader, PrefixLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    builtin = _folder_loader(builtin_template_dir())
    loaders = []
    if user_dir:
        if not Path(user_dir).is_dir():
            raise BriefgenError(f"{user_dir}: templates folder not found; check templates.dir or --templates", exit_code=2)
        loaders.append(_folder_loader(user_dir))
    loaders += [builtin, PrefixLoader({"default": builtin}, delimiter=":")]
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders), undefined=undefined or StrictUndefined, autoescape=_autoescape,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        finalize=_markdown_text if markdown else None,
    )
    from briefgen.render import filters

    env.filters.update(filters.FILTERS)
    return env


def load_template(env, name: str):
    """Find and compile one template; a missing template or a syntax error becomes one line with file and line."""
    from jinja2 import TemplateError

    try:
        return env.get_template(name)
    except TemplateError as e:
        raise _template_error(e, name) from None


def render_template(env, name: str, context: dict) -> str:
    """Render one template; template errors become one line with file and line."""
    from jinja2 import TemplateError

    try:
        return load_template(env, name).render(**context)
    except TemplateError as e:  # an include or a macro file can fail only now, and undefined names always do
        raise _template_error(e, name) from None


def _template_error(e, name: str) -> BriefgenError:
    """The user's message for a Jinja2 error: file, line, what went wrong, what to check."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError

    if isinstance(e, TemplateSyntaxError):
        return BriefgenError(f"{e.filename or e.name}:{e.lineno}: template syntax error: {e.message}", exit_code=2)
    if isinstance(e, TemplateNotFound):
        return BriefgenError(f"template '{e.name}' not found in the templates folder or the built-ins; check templates.name", exit_code=2)
    import traceback

    where = ""
    for frame in reversed(traceback.extract_tb(e.__traceback__)):
        if frame.filename.endswith((".j2", ".html", ".md")):
            where = f"{frame.filename}:{frame.lineno}: "
            break
    from jinja2.sandbox import SecurityError

    if isinstance(e, SecurityError):  # no typo to look up: the sandbox refused a Python internal
        return BriefgenError(f"{where or name + ': '}unsafe attribute (the sandbox refuses it): {e}", exit_code=2)
    hint = "; check the name against the context in docs/templates.md" if isinstance(e, UndefinedError) else ""
    return BriefgenError(f"{where or name + ': '}template error: {e}{hint}", exit_code=2)
