/* jm-map-view.c — see jm-map-view.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jm-command-private.h"
#include "jm-map-view.h"

JmMapView *
jm_map_view_new (const char *id,
                 const char *name)
{
  JmMapView *view = g_new0 (JmMapView, 1);

  view->id = g_strdup (id);
  view->name = g_strdup (name ? name : "");
  view->states = JM_VIEW_STATES_BOTH;
  return view;
}

JmMapView *
jm_map_view_copy (const JmMapView *view)
{
  JmMapView *copy;

  g_return_val_if_fail (view != NULL, NULL);

  copy = jm_map_view_new (view->id, view->name);
  copy->lanes = g_strdupv (view->lanes);
  copy->personas = g_strdupv (view->personas);
  copy->states = view->states;
  copy->foreign = jm_foreign_copy (view->foreign);
  return copy;
}

void
jm_map_view_free (JmMapView *view)
{
  if (view == NULL)
    return;
  g_free (view->id);
  g_free (view->name);
  g_strfreev (view->lanes);
  g_strfreev (view->personas);
  jm_foreign_free (view->foreign);
  g_free (view);
}

gboolean
jm_map_view_shows_lane (const JmMapView *view,
                        const char      *lane_id)
{
  return view == NULL || view->lanes == NULL || g_strv_contains ((const char * const *) view->lanes, lane_id);
}

gboolean
jm_map_view_shows_persona (const JmMapView *view,
                           const char      *persona_id)
{
  return view == NULL || view->personas == NULL
         || g_strv_contains ((const char * const *) view->personas, persona_id);
}

gboolean
jm_map_view_shows_curve (const JmMapView *view,
                         JmMapState       curve)
{
  if (view == NULL || view->states == JM_VIEW_STATES_BOTH)
    return TRUE;
  return (view->states == JM_VIEW_STATES_CURRENT) == (curve == JM_MAP_STATE_CURRENT);
}

static const struct {
  const char *nick;
  const char *label;
} states_table[] = {
  [JM_VIEW_STATES_BOTH] = { "both", N_("As is and to be") },
  [JM_VIEW_STATES_CURRENT] = { "current", N_("As is") },
  [JM_VIEW_STATES_FUTURE] = { "future", N_("To be") },
};

const char *
jm_view_states_to_string (JmViewStates states)
{
  g_return_val_if_fail ((guint) states < G_N_ELEMENTS (states_table), NULL);
  return states_table[states].nick;
}

gboolean
jm_view_states_from_string (const char   *str,
                            JmViewStates *out)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (states_table); i++)
    if (g_str_equal (str, states_table[i].nick))
      {
        *out = (JmViewStates) i;
        return TRUE;
      }
  return FALSE;
}

const char *
jm_view_states_get_label (JmViewStates states)
{
  g_return_val_if_fail ((guint) states < G_N_ELEMENTS (states_table), NULL);
  return _(states_table[states].label);
}

/* ---- the document's views ---- */

GPtrArray *
jm_document_get_views (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  return jm_document_peek_views (self);
}

JmMapView *
jm_document_find_view (JmDocument *self,
                       const char *id)
{
  GPtrArray *views;

  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);

  views = jm_document_peek_views (self);
  for (guint i = 0; id != NULL && i < views->len; i++)
    {
      JmMapView *view = g_ptr_array_index (views, i);

      if (g_strcmp0 (view->id, id) == 0)
        return view;
    }
  return NULL;
}

JmMapView *
jm_document_lookup_view (JmDocument *self,
                         const char *name_or_id)
{
  GPtrArray *views;

  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);

  views = jm_document_peek_views (self);
  for (guint i = 0; name_or_id != NULL && i < views->len; i++)
    {
      JmMapView *view = g_ptr_array_index (views, i);

      if (g_strcmp0 (view->name, name_or_id) == 0)
        return view;
    }
  return jm_document_find_view (self, name_or_id);
}

void
jm_document_build_view (JmDocument *self,
                        JmMapView  *view)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (view != NULL);

  g_ptr_array_add (jm_document_peek_views (self), view);
}

static GPtrArray *
copy_views (JmDocument *self)
{
  GPtrArray *views = jm_document_peek_views (self);
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_map_view_free);

  for (guint i = 0; i < views->len; i++)
    g_ptr_array_add (copy, jm_map_view_copy (g_ptr_array_index (views, i)));
  return copy;
}

void
jm_document_set_view (JmDocument *self,
                      JmMapView  *view)
{
  GPtrArray *after;
  gboolean replaced = FALSE;

  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (view != NULL && view->id != NULL);

  after = copy_views (self);
  for (guint i = 0; i < after->len && !replaced; i++)
    if (g_strcmp0 (((JmMapView *) g_ptr_array_index (after, i))->id, view->id) == 0)
      {
        jm_map_view_free (g_ptr_array_index (after, i));
        g_ptr_array_index (after, i) = view;
        replaced = TRUE;
      }
  if (!replaced)
    g_ptr_array_add (after, view);
  jm_document_replace_views (self, after, replaced ? _("Change View") : _("Add View"));
}

void
jm_document_rename_view (JmDocument *self,
                         const char *id,
                         const char *name)
{
  g_autoptr(GPtrArray) after = NULL;

  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (jm_document_find_view (self, id) != NULL);
  g_return_if_fail (name != NULL);

  after = copy_views (self);
  for (guint i = 0; i < after->len; i++)
    {
      JmMapView *view = g_ptr_array_index (after, i);

      if (g_strcmp0 (view->id, id) == 0)
        jm_set_str (&view->name, name);
    }
  jm_document_replace_views (self, g_steal_pointer (&after), _("Rename View"));
}

void
jm_document_remove_view (JmDocument *self,
                         const char *id)
{
  g_autoptr(GPtrArray) after = NULL;

  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (jm_document_find_view (self, id) != NULL);

  after = copy_views (self);
  for (guint i = 0; i < after->len; i++)
    if (g_strcmp0 (((JmMapView *) g_ptr_array_index (after, i))->id, id) == 0)
      {
        g_ptr_array_remove_index (after, i);
        break;
      }
  jm_document_replace_views (self, g_steal_pointer (&after), _("Delete View"));
}
