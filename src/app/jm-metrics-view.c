/* jm-metrics-view.c — the metrics view. The rows and averages come from
 * the core's metrics table; this file only shows them. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jm-metrics-table.h"
#include "jm-number.h"
#include "jm-metrics-view.h"
#include "jm-a11y.h"

/* ---- one row ---- */

struct _JmMetricItem {
  GObject  parent_instance;

  char    *stage;
  int      stage_index;
  char    *touchpoint;
  char    *name;
  char    *unit;
  double   value;
  double   target;    /* NAN: none */
  double   gap;       /* NAN: no target */
  JmMetricStatus status;
  guint    sample_size;
  char    *date;
};

G_DEFINE_FINAL_TYPE (JmMetricItem, jm_metric_item, G_TYPE_OBJECT)

static void
jm_metric_item_finalize (GObject *object)
{
  JmMetricItem *self = JM_METRIC_ITEM (object);

  g_free (self->stage);
  g_free (self->touchpoint);
  g_free (self->name);
  g_free (self->unit);
  g_free (self->date);
  G_OBJECT_CLASS (jm_metric_item_parent_class)->finalize (object);
}

static void
jm_metric_item_class_init (JmMetricItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jm_metric_item_finalize;
}

static void
jm_metric_item_init (JmMetricItem *self)
{
}

const char *
jm_metric_item_get_stage (JmMetricItem *self)
{
  return self->stage;
}

const char *
jm_metric_item_get_name (JmMetricItem *self)
{
  return self->name;
}

double
jm_metric_item_get_value (JmMetricItem *self)
{
  return self->value;
}

double
jm_metric_item_get_gap (JmMetricItem *self)
{
  return self->gap;
}

/* ---- the view ---- */

struct _JmMetricsView {
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  GtkWidget     *column_view;
  GtkWidget     *summary_box;
  GtkWidget     *charts;
  GListStore    *store;
  GtkSortListModel *sorted;
  JmDocument    *document;
  gulong         changed_handler;
  guint          refresh_source;
  gboolean       stale;           /* the document changed while the view was hidden */
};

G_DEFINE_FINAL_TYPE (JmMetricsView, jm_metrics_view, GTK_TYPE_WIDGET)

/* One decimal always, so the column's numbers line up. */
static char *
format_number (double value)
{
  return jm_number_format (value, 1);
}

static void
refresh (JmMetricsView *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GPtrArray *stages;
  GtkWidget *child;

  self->stale = FALSE;
  while ((child = gtk_widget_get_first_child (self->summary_box)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->summary_box), child);
  if (self->document == NULL)
    {
      g_list_store_remove_all (self->store);
      return;
    }

  stages = jm_document_get_stages (self->document);
  rows = jm_metrics_table_rows (self->document);
  items = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      JmMetricRow *row = g_ptr_array_index (rows, i);
      const JmMetric *m = row->metric;
      JmMetricItem *item = g_object_new (JM_TYPE_METRIC_ITEM, NULL);
      guint index = 0;

      g_ptr_array_find (stages, jm_document_find_stage (self->document, row->stage_id), &index);
      item->stage = g_strdup (row->stage_name);
      item->stage_index = (int) index;
      item->touchpoint = g_strdup (row->card_text ? row->card_text : _("Whole stage"));
      item->name = g_strdup (m->kind == JM_METRIC_CUSTOM && m->name ? m->name : jm_metric_kind_get_label (m->kind));
      item->unit = g_strdup (m->kind == JM_METRIC_CUSTOM ? m->unit : jm_metric_kind_get_unit (m->kind));
      item->value = m->value;
      item->target = m->has_target ? m->target : NAN;
      item->gap = row->gap;
      item->status = row->status;
      item->sample_size = m->sample_size;
      item->date = g_strdup (m->date ? m->date : "");
      g_ptr_array_add (items, item);
    }
  /* All at once: one change for the sorted model and the table, not one a row. */
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);

  summaries = jm_metrics_table_summaries (self->document);
  for (guint i = 0; i < summaries->len; i++)
    {
      JmStageSummary *s = g_ptr_array_index (summaries, i);
      g_autofree char *average = format_number (s->average);
      g_autofree char *title = g_strdup_printf ("%s — %s", s->stage_name,
                                                s->custom_name ? s->custom_name : jm_metric_kind_get_label (s->kind));
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value = gtk_label_new (average);

      g_autofree char *metrics = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u metric", "%u metrics", s->count),
                                                  s->count);
      g_autofree char *answers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer", "%u answers",
                                                               s->sample_size), s->sample_size);

      /* Translators: under a stage's average: "2 metrics, 340 answers" */
      subtitle = g_strdup_printf (_("%s, %s"), metrics, answers);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (value, "title-3");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      gtk_list_box_append (GTK_LIST_BOX (self->summary_box), row);
    }
  gtk_widget_queue_draw (self->charts);
}

static gboolean
refresh_idle (gpointer data)
{
  JmMetricsView *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Hidden, the view only notes that it is out of date: a map with
 * thousands of metrics is tabulated when the view is shown (or its model
 * asked for), not while the window opens or on every edit. */
static void
queue_refresh (JmMetricsView *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle, self);
}

static void
on_map (JmMetricsView *self)
{
  if (self->stale)
    refresh (self);
}

static void
on_document_changed (JmDocument    *document,
                     JmChange      *change,
                     JmMetricsView *self)
{
  queue_refresh (self);
}

void
jm_metrics_view_set_document (JmMetricsView *self,
                              JmDocument    *document)
{
  g_return_if_fail (JM_IS_METRICS_VIEW (self));

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->changed_handler = g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

GListModel *
jm_metrics_view_get_model (JmMetricsView *self)
{
  g_return_val_if_fail (JM_IS_METRICS_VIEW (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

gboolean
jm_metrics_view_save_csv (JmMetricsView  *self,
                          const char     *path,
                          GError        **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (JM_IS_METRICS_VIEW (self), FALSE);

  if (self->document == NULL)
    return FALSE;
  csv = jm_metrics_table_to_csv (self->document);
  return g_file_set_contents_full (path, csv, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

/* ---- the columns ---- */

typedef enum {
  COL_STAGE,
  COL_TOUCHPOINT,
  COL_METRIC,
  COL_VALUE,
  COL_TARGET,
  COL_GAP,
  COL_SAMPLE,
  COL_DATE,
  N_COLS
} Col;

static char *
cell_text (JmMetricItem *item,
           Col           col)
{
  switch (col)
    {
    case COL_STAGE:
      return g_strdup (item->stage);
    case COL_TOUCHPOINT:
      return g_strdup (item->touchpoint);
    case COL_METRIC:
      return g_strdup (item->name);
    case COL_VALUE:
      return jm_number_format_unit (item->value, 1, item->unit);
    case COL_TARGET:
      return format_number (item->target);
    case COL_GAP:
      {
        g_autofree char *v = format_number (item->gap);
        return isnan (item->gap) ? g_strdup (v) : g_strdup_printf ("%s%s", item->gap > 0 ? "+" : "", v);
      }
    case COL_SAMPLE:
      return item->sample_size ? g_strdup_printf ("%u", item->sample_size) : g_strdup ("—");
    case COL_DATE:
    case N_COLS:
    default:
      return g_strdup (item->date);
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (data) >= COL_VALUE ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  data)
{
  JmMetricItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = cell_text (item, (Col) GPOINTER_TO_INT (data));

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "success");
  if (GPOINTER_TO_INT (data) == COL_GAP)
    switch (item->status)
      {
      case JM_METRIC_STATUS_MET:
        gtk_widget_add_css_class (label, "success");
        break;
      case JM_METRIC_STATUS_NEAR:
        gtk_widget_add_css_class (label, "warning");
        break;
      case JM_METRIC_STATUS_MISSED:
        gtk_widget_add_css_class (label, "error");
        break;
      case JM_METRIC_STATUS_NONE:
      default:
        break;
      }
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  JmMetricItem *x = (JmMetricItem *) a, *y = (JmMetricItem *) b;
  Col col = (Col) GPOINTER_TO_INT (data);
  double dx, dy;

  switch (col)
    {
    case COL_STAGE:
      return (x->stage_index > y->stage_index) - (x->stage_index < y->stage_index);
    case COL_VALUE:
      dx = x->value, dy = y->value;
      break;
    case COL_TARGET:
      dx = isnan (x->target) ? -INFINITY : x->target, dy = isnan (y->target) ? -INFINITY : y->target;
      break;
    case COL_GAP:
      dx = isnan (x->gap) ? -INFINITY : x->gap, dy = isnan (y->gap) ? -INFINITY : y->gap;
      break;
    case COL_SAMPLE:
      dx = x->sample_size, dy = y->sample_size;
      break;
    case COL_TOUCHPOINT:
      return g_utf8_collate (x->touchpoint, y->touchpoint);
    case COL_METRIC:
      return g_utf8_collate (x->name, y->name);
    case COL_DATE:
    case N_COLS:
    default:
      return g_strcmp0 (x->date, y->date);
    }
  return (dx > dy) - (dx < dy);
}

/* ---- charts: one small bar chart per metric kind across the stages ---- */

static void
draw_charts (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  JmMetricsView *self = data;
  g_autoptr(GPtrArray) summaries = NULL;
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (area));
  GdkRGBA fg, accent;
  GPtrArray *stages;
  int chart = 0;

  if (self->document == NULL)
    return;
  gtk_style_context_get_color (style, &fg);
  if (!gtk_style_context_lookup_color (style, "accent_bg_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");

  summaries = jm_metrics_table_summaries (self->document);
  stages = jm_document_get_stages (self->document);

  for (guint k = 0; k < JM_METRIC_CUSTOM; k++)
    {
      double min = 0, max = 100, x0 = chart * (width / 3.0), w = width / 3.0 - 24, h = height - 70;
      PangoLayout *title = gtk_widget_create_pango_layout (GTK_WIDGET (area), jm_metric_kind_get_label (k));
      gboolean any = FALSE;

      for (guint i = 0; i < summaries->len; i++)
        any |= ((JmStageSummary *) g_ptr_array_index (summaries, i))->kind == (JmMetricKind) k;
      if (!any || chart >= 3)
        {
          g_object_unref (title);
          continue;
        }
      jm_metric_kind_get_range (k, &min, &max);

      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, x0, 0);
      pango_cairo_show_layout (cr, title);
      g_object_unref (title);

      for (guint s = 0; s < stages->len; s++)
        {
          JmStage *stage = g_ptr_array_index (stages, s);
          double bw = w / MAX (stages->len, 1);

          for (guint i = 0; i < summaries->len; i++)
            {
              JmStageSummary *sum = g_ptr_array_index (summaries, i);
              double bh;

              if (sum->kind != (JmMetricKind) k || g_strcmp0 (sum->stage_id, stage->id) != 0)
                continue;
              bh = (sum->average - min) / (max - min) * h;
              cairo_rectangle (cr, x0 + s * bw + 2, 24 + h - bh, bw - 4, bh);
              gdk_cairo_set_source_rgba (cr, &accent);
              cairo_fill (cr);
              {
                g_autofree char *text = format_number (sum->average);
                PangoLayout *value = gtk_widget_create_pango_layout (GTK_WIDGET (area), text);
                int tw, th;

                pango_layout_get_pixel_size (value, &tw, &th);
                gdk_cairo_set_source_rgba (cr, &fg);
                cairo_move_to (cr, x0 + s * bw + (bw - tw) / 2, 24 + h - bh - th - 2);
                pango_cairo_show_layout (cr, value);
                g_object_unref (value);
              }
            }
          {
            /* The stage's name under its slot, as far as it fits. */
            PangoLayout *name = gtk_widget_create_pango_layout (GTK_WIDGET (area), stage->name);

            pango_layout_set_width (name, (int) ((bw - 2) * PANGO_SCALE));
            pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
            pango_layout_set_alignment (name, PANGO_ALIGN_CENTER);
            gdk_cairo_set_source_rgba (cr, &fg);
            cairo_move_to (cr, x0 + s * bw + 1, 24 + h + 4);
            pango_cairo_show_layout (cr, name);
            g_object_unref (name);
          }
        }
      /* The baseline. */
      cairo_rectangle (cr, x0, 24 + h, w, 1);
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_fill (cr);
      chart++;
    }
}

static void
on_csv_chosen (GtkNativeDialog *chooser,
               int              response,
               gpointer         user_data)
{
  JmMetricsView *self = JM_METRICS_VIEW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !jm_metrics_view_save_csv (self, path, &error))
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                      _("Could Not Export the Metrics"),
                                                      error ? error->message : NULL);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  g_object_unref (self);
  g_object_unref (chooser);
}

static void
on_export_csv (GtkButton     *button,
               JmMetricsView *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Metrics"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("metrics.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_csv_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- GObject ---- */

static void
jm_metrics_view_dispose (GObject *object)
{
  JmMetricsView *self = JM_METRICS_VIEW (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (jm_metrics_view_parent_class)->dispose (object);
}

static void
jm_metrics_view_class_init (JmMetricsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_metrics_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jm-metrics-view");
}

static void
jm_metrics_view_init (JmMetricsView *self)
{
  static const char *titles[N_COLS] = {
    N_("Stage"), N_("Touchpoint"), N_("Metric"), N_("Value"), N_("Target"), N_("Gap"), N_("Sample size"), N_("Date"),
  };
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *heading;
  GtkSelectionModel *selection;
  GtkSorter *sorter;

  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  self->store = g_list_store_new (JM_TYPE_METRIC_ITEM);
  self->column_view = gtk_column_view_new (NULL);
  sorter = g_object_ref (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->store)), sorter);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted))));
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view), selection);
  g_object_unref (selection);
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (self->column_view), TRUE);
  gtk_widget_add_css_class (self->column_view, "data-table");

  for (int c = 0; c < N_COLS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (c));
      column = gtk_column_view_column_new (_(titles[c]), factory);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (gtk_custom_sorter_new (compare_items, GINT_TO_POINTER (c), NULL)));
      gtk_column_view_column_set_resizable (column, TRUE);
      if (c == COL_TOUCHPOINT)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), column);
      g_object_unref (column);
    }
  gtk_frame_set_child (GTK_FRAME (frame), self->column_view);

  {
    GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    GtkWidget *export = gtk_button_new_with_mnemonic (_("Export as _CSV…"));

    jm_a11y_name_button (GTK_BUTTON (export));

    heading = gtk_label_new (_("Every metric"));
    gtk_label_set_xalign (GTK_LABEL (heading), 0);
    gtk_widget_set_hexpand (heading, TRUE);
    gtk_widget_add_css_class (heading, "title-4");
    g_signal_connect (export, "clicked", G_CALLBACK (on_export_csv), self);
    gtk_box_append (GTK_BOX (bar), heading);
    gtk_box_append (GTK_BOX (bar), export);
    gtk_box_append (GTK_BOX (page), bar);
  }
  gtk_box_append (GTK_BOX (page), frame);

  heading = gtk_label_new (_("Across the stages"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_box_append (GTK_BOX (page), heading);
  self->charts = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->charts), 190);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->charts), draw_charts, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->charts), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Charts of NPS, CSAT and CES across the stages"), -1);
  gtk_box_append (GTK_BOX (page), self->charts);

  heading = gtk_label_new (_("Averages per stage, weighted by sample size"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_box_append (GTK_BOX (page), heading);
  self->summary_box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->summary_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->summary_box, "boxed-list");
  gtk_box_append (GTK_BOX (page), self->summary_box);

  gtk_widget_set_margin_top (page, 24);
  gtk_widget_set_margin_bottom (page, 24);
  gtk_widget_set_margin_start (page, 12);
  gtk_widget_set_margin_end (page, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1100);
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

GtkWidget *
jm_metrics_view_new (void)
{
  return g_object_new (JM_TYPE_METRICS_VIEW, NULL);
}
