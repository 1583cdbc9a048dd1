/* jm-recovery.h — autosaved copies of unsaved work, kept in the user's
 * cache folder so that a crash loses at most the autosave interval. */
#pragma once

#include <gio/gio.h>

#include "jm-document.h"

G_BEGIN_DECLS

typedef struct {
  char *id;          /* the window's recovery id */
  char *path;        /* the recovery copy */
  char *original;    /* URI of the file the map came from, or NULL */
  char *title;
  gint64 saved;      /* unix time of the copy */
} JmRecoveryEntry;

void       jm_recovery_entry_free (JmRecoveryEntry *entry);

/* $JOURNEY_MAPS_RECOVERY_DIR, or ~/.cache/journey-maps/recovery. */
char      *jm_recovery_dir        (void);
gboolean   jm_recovery_save       (const char      *id,
                                   JmDocument      *document,
                                   GFile           *original,
                                   GError         **error);
void       jm_recovery_remove     (const char      *id);
/* Every recovery copy there is, newest first (JmRecoveryEntry*). */
GPtrArray *jm_recovery_list       (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmRecoveryEntry, jm_recovery_entry_free)

G_END_DECLS
