/* jm-git-version.h — older versions of a map from the git repository it
 * lives in: its commits (git log of that file) and its contents at one of
 * them, by running git itself (no shell). GTK-free. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *rev;      /* the full commit id */
  char *date;     /* YYYY-MM-DD */
  char *subject;
} JmGitCommit;

void        jm_git_commit_free      (JmGitCommit *commit);
/* The commits that changed path, newest first, at most max (JmGitCommit*).
 * NULL with error when git is missing or path is not in a repository. */
GPtrArray  *jm_git_log              (const char  *path,
                                     guint        max,
                                     GError     **error);
/* path's contents at rev ("HEAD" or a commit id); NULL with error. */
GBytes     *jm_git_show             (const char  *path,
                                     const char  *rev,
                                     GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmGitCommit, jm_git_commit_free)

G_END_DECLS
