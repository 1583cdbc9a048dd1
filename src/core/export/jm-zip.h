/* jm-zip.h — a zip package (Office Open XML, OpenDocument) made in
 * memory with libzip: entries in the order they are added, each with the
 * same fixed time and permissions, so the same entries give the same bytes. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _JmZip JmZip;

JmZip  *jm_zip_new      (void);
void    jm_zip_free     (JmZip      *zip);
/* Adds an entry; compressed unless stored is TRUE (an OpenDocument's
 * mimetype). The bytes are kept until the package is made. */
void    jm_zip_add      (JmZip      *zip,
                         const char *name,
                         GBytes     *bytes,
                         gboolean    stored);
/* The same, taking the text (transfer full). */
void    jm_zip_add_text (JmZip      *zip,
                         const char *name,
                         char       *text);
/* Appends the entries of from, in their order, and empties it. */
void    jm_zip_move     (JmZip      *zip,
                         JmZip      *from);
/* The package's bytes. */
GBytes *jm_zip_finish   (JmZip      *zip,
                         GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmZip, jm_zip_free)

G_END_DECLS
