/* jm-inspector-page.h — what every page of the inspector shares: the
 * selection it follows (and through it the document), the object it shows,
 * and the guard that keeps the model and the widgets from feeding back into
 * each other. A page subclass shows one kind of object from a template and
 * turns its widgets' signals into document commands. */
#pragma once

#include <adwaita.h>

#include "jm-selection.h"

G_BEGIN_DECLS

#define JM_TYPE_INSPECTOR_PAGE (jm_inspector_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (JmInspectorPage, jm_inspector_page, JM, INSPECTOR_PAGE, GtkWidget)

struct _JmInspectorPageClass {
  GtkWidgetClass parent_class;

  /* Shows the object as the document has it now; FALSE if it is gone.
   * Runs with the guard up, so the widgets it sets issue no command. */
  gboolean (*refresh) (JmInspectorPage *self);
};

void           jm_inspector_page_set_selection (JmInspectorPage *self,
                                                JmSelection     *selection);
JmSelection   *jm_inspector_page_get_selection (JmInspectorPage *self);
JmDocument    *jm_inspector_page_get_document  (JmInspectorPage *self);

/* The object to show (a copy is kept); then refreshes. FALSE if it is gone. */
gboolean       jm_inspector_page_show          (JmInspectorPage *self,
                                                const JmFocus   *focus);
const JmFocus *jm_inspector_page_get_focus     (JmInspectorPage *self);
/* Shows the document's changes; nothing while the page applies its own. */
gboolean       jm_inspector_page_refresh       (JmInspectorPage *self);

/* The guard. An edit handler calls begin and, if it returns TRUE, applies
 * its command and calls end; FALSE means a refresh is setting the widget,
 * and the signal is no edit. While an edit is applied, the document's
 * "changed" refreshes nothing (the widget already shows the value, and a
 * refresh would move the cursor under the person typing). */
gboolean       jm_inspector_page_begin_edit    (JmInspectorPage *self);
void           jm_inspector_page_end_edit      (JmInspectorPage *self);
gboolean       jm_inspector_page_is_applying   (JmInspectorPage *self);
/* The page a widget is on, for rows that apply edits. */
JmInspectorPage *jm_inspector_page_of          (GtkWidget       *widget);

/* Before rows inside container are taken away: if the keyboard focus is
 * among them, let go of it rather than let GTK pass it on (to a title
 * field whose text the next key would replace). */
void           jm_inspector_page_release_focus (JmInspectorPage *self,
                                                GtkWidget       *container);
/* Scrolls the page so widget shows, once it has been laid out. */
void           jm_inspector_page_reveal        (JmInspectorPage *self,
                                                GtkWidget       *widget);

/* Spin buttons: numbers typed with a decimal point or comma, whatever the
 * locale; shown with the locale's separator. Connect as "input" and
 * "output" handlers. */
int            jm_inspector_spin_input         (GtkSpinButton   *spin,
                                                double          *value,
                                                gpointer         user_data);
gboolean       jm_inspector_spin_output        (GtkSpinButton   *spin,
                                                gpointer         user_data);

G_END_DECLS
