/* jm-export-dialog.c — choose how to export, see it, write it. The export
 * runs in a worker thread while the dialog shows a spinner; the modal
 * dialog keeps the document from changing meanwhile. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "jm-export.h"
#include "jm-a11y.h"
#include "jm-export-dialog.h"
#include "jm-layout.h"
#include "jm-persona-sheet.h"
#include "jm-thumbnail.h"

/* Longest side of the preview, in pixels. */
#define PREVIEW_SIZE 900

struct _JmExportDialog {
  AdwWindow     parent_instance;

  GtkPicture   *preview;
  AdwComboRow  *content_row;   /* the map, persona sheets, the handout: JmExportContent */
  AdwComboRow  *format_row;
  AdwComboRow  *page_row;
  AdwComboRow  *scale_row;
  AdwActionRow *transparent_row;
  GtkSwitch    *transparent_switch;
  AdwComboRow  *theme_row;
  AdwComboRow  *persona_row;
  GtkButton    *export_button;
  GtkSpinner   *spinner;

  JmDocument   *document;
  GFile        *document_file;
  GSettings    *settings;
  GPtrArray    *persona_ids;    /* NULL first: all personas */
  guint         preview_source;
  gboolean      busy;
};

G_DEFINE_FINAL_TYPE (JmExportDialog, jm_export_dialog, ADW_TYPE_WINDOW)

static const char *formats[] = { "png", "pdf", "svg", "html", "pptx", "odp" };
static const char *themes[] = { "light", "dark", "print", "high-contrast" };
static const char *pages[] = {
  "fit", "a4", "a4-landscape", "a3", "a3-landscape", "letter", "letter-landscape", "poster-a4"
};

static guint
index_of (const char **values,
          guint        n,
          const char  *value)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

static void
get_options (JmExportDialog  *self,
             JmExportOptions *options)
{
  guint persona = adw_combo_row_get_selected (self->persona_row);

  jm_export_options_init (options);
  jm_theme_from_string (themes[MIN (adw_combo_row_get_selected (self->theme_row),
                                    G_N_ELEMENTS (themes) - 1)], &options->theme);
  jm_page_option_from_string (pages[MIN (adw_combo_row_get_selected (self->page_row),
                                         G_N_ELEMENTS (pages) - 1)], &options->page);
  options->scale = adw_combo_row_get_selected (self->scale_row) + 1;
  options->transparent = gtk_switch_get_active (self->transparent_switch);
  options->persona_id = persona < self->persona_ids->len
                        ? g_ptr_array_index (self->persona_ids, persona) : NULL;
  /* As the window shows the map (View ▸ Show Emotion Scores). */
  options->emotion_values = g_settings_get_boolean (self->settings, "emotion-values");
  options->content = (JmExportContent) MIN (adw_combo_row_get_selected (self->content_row), JM_EXPORT_HANDOUT);
  if (options->content != JM_EXPORT_MAP)
    {
      /* Sheets and the handout are portrait A4 or Letter pages. */
      options->page = options->page == JM_PAGE_LETTER || options->page == JM_PAGE_LETTER_LANDSCAPE
                      ? JM_PAGE_LETTER : JM_PAGE_A4;
      options->transparent = FALSE;
      if (options->content == JM_EXPORT_HANDOUT)
        options->persona_id = NULL;
    }
}

/* The first page of the persona sheets or the handout, as the export
 * draws it, for the preview. */
static GdkTexture *
sheet_texture (JmExportDialog        *self,
               const JmExportOptions *options)
{
  g_autoptr(JmLayout) layout = NULL;
  g_autoptr(GPtrArray) personas = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JmRenderOptions render;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w = options->page == JM_PAGE_LETTER ? JM_SHEET_LETTER_WIDTH : JM_SHEET_A4_WIDTH;
  double h = options->page == JM_PAGE_LETTER ? JM_SHEET_LETTER_HEIGHT : JM_SHEET_A4_HEIGHT;
  GdkTexture *texture;

  jm_render_options_init (&render);
  render.theme = options->theme;
  layout = jm_layout_new (self->document, &render);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w), (int) ceil (h));
  cr = cairo_create (surface);
  if (options->content == JM_EXPORT_HANDOUT)
    jm_handout_draw (layout, cr, w, h);
  else
    {
      personas = jm_export_sheet_personas (self->document, options);
      if (personas->len > 0)
        jm_persona_sheet_draw (layout, cr, ((JmPersona *) g_ptr_array_index (personas, 0))->id, w, h);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface));
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface), cairo_image_surface_get_height (surface),
                                    GDK_MEMORY_DEFAULT, bytes, cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

static const char *
current_format (JmExportDialog *self)
{
  return formats[MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1)];
}

/* ---- preview ---- */

static gboolean
update_preview (gpointer user_data)
{
  JmExportDialog *self = user_data;
  JmExportOptions options;
  JmRenderOptions render;
  g_autoptr(GdkTexture) texture = NULL;

  self->preview_source = 0;
  get_options (self, &options);

  jm_render_options_init (&render);
  render.theme = options.theme;
  render.persona_id = options.persona_id;
  render.emotion_values = options.emotion_values;
  if (options.content != JM_EXPORT_MAP)
    texture = sheet_texture (self, &options);
  else
    texture = jm_thumbnail_new (self->document, &render, PREVIEW_SIZE);
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
  return G_SOURCE_REMOVE;
}

static void
queue_preview (JmExportDialog *self)
{
  if (self->preview_source == 0)
    self->preview_source = g_idle_add_full (G_PRIORITY_LOW, update_preview, self, NULL);
}

/* The PNG's size in pixels and about how large its file will be: maps are
 * mostly flat colour, and the share of edges (what costs bytes) falls as
 * the scale grows; measured on the examples, about a tenth of a byte a
 * pixel at 1×. */
static void
update_png_size (JmExportDialog *self)
{
  JmExportOptions options;
  g_autofree char *file_size = NULL;
  g_autofree char *text = NULL;
  int width, height;
  double pixels;

  get_options (self, &options);
  if (options.content != JM_EXPORT_MAP)
    {
      /* A page at 96 dpi times the scale. */
      width = (int) ceil ((options.page == JM_PAGE_LETTER ? JM_SHEET_LETTER_WIDTH : JM_SHEET_A4_WIDTH) * options.scale);
      height = (int) ceil ((options.page == JM_PAGE_LETTER ? JM_SHEET_LETTER_HEIGHT : JM_SHEET_A4_HEIGHT)
                           * options.scale);
    }
  else
    jm_export_get_png_size (self->document, &options, &width, &height);
  pixels = (double) width * height;
  file_size = g_format_size ((guint64) (pixels * (options.transparent ? 0.12 : 0.1) / MAX (options.scale, 1)));
  /* Translators: the PNG export's size: "3916 × 2634 pixels, about 1.0 MB" */
  text = g_strdup_printf (_("%d × %d pixels, about %s"), width, height, file_size);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scale_row), text);
}

static void
update_rows (JmExportDialog *self)
{
  const char *format = current_format (self);
  guint content = adw_combo_row_get_selected (self->content_row);
  gboolean picture = g_str_equal (format, "png") || g_str_equal (format, "pdf");

  /* Persona sheets and the handout are PDF or PNG pages. */
  if (content != JM_EXPORT_MAP && !picture)
    {
      adw_combo_row_set_selected (self->format_row, 1);
      return;   /* called again by the format's change */
    }
  gtk_widget_set_visible (GTK_WIDGET (self->page_row), g_str_equal (format, "pdf"));
  gtk_widget_set_visible (GTK_WIDGET (self->scale_row), g_str_equal (format, "png"));
  gtk_widget_set_visible (GTK_WIDGET (self->transparent_row), g_str_equal (format, "png") && content == JM_EXPORT_MAP);
  gtk_widget_set_visible (GTK_WIDGET (self->persona_row), content != JM_EXPORT_HANDOUT);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button),
                            !self->busy && (content != JM_EXPORT_PERSONA_SHEETS
                                            || jm_document_get_personas (self->document)->len > 0));
  if (g_str_equal (format, "png") && self->document != NULL)
    update_png_size (self);
}

static void
on_option_changed (GObject        *object,
                   GParamSpec     *pspec,
                   JmExportDialog *self)
{
  update_rows (self);
  queue_preview (self);
}

/* ---- exporting ---- */

typedef struct {
  JmDocument     *document;
  char           *path;
  JmExportOptions options;
  char           *persona_id;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->document);
  g_free (job->path);
  g_free (job->persona_id);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  job->options.persona_id = job->persona_id;
  if (jm_export_to_path (job->document, job->path, &job->options, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_busy (JmExportDialog *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !busy);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  JmExportDialog *self = JM_EXPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Failed"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  JmExportDialog *self = JM_EXPORT_DIALOG (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GTask) task = NULL;
      ExportJob *job;

      if (path != NULL)
        {
          const char *ext = current_format (self);
          g_autofree char *suffix = g_strconcat (".", ext, NULL);
          g_autofree char *lower = g_ascii_strdown (path, -1);

          job = g_new0 (ExportJob, 1);
          job->document = g_object_ref (self->document);
          job->path = g_str_has_suffix (lower, suffix) ? g_strdup (path)
                                                       : g_strconcat (path, suffix, NULL);
          get_options (self, &job->options);
          job->persona_id = g_strdup (job->options.persona_id);
          job->options.persona_id = NULL;

          g_settings_set_string (self->settings, "export-theme",
                                 themes[adw_combo_row_get_selected (self->theme_row)]);
          g_settings_set_string (self->settings, "export-page",
                                 pages[adw_combo_row_get_selected (self->page_row)]);
          g_settings_set_double (self->settings, "export-scale", job->options.scale);

          set_busy (self, TRUE);
          task = g_task_new (self, NULL, on_export_done, NULL);
          g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
          g_task_run_in_thread (task, export_thread);
        }
    }

  g_object_unref (self);
  g_object_unref (chooser);
}

static void
on_export_clicked (GtkButton      *button,
                   JmExportDialog *self)
{
  GtkFileChooserNative *chooser;
  const char *title = jm_document_get_title (self->document);
  const char *ext = current_format (self);
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Journey Map"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (self->document_file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->document_file);
      g_autofree char *base = g_file_get_basename (self->document_file);
      char *dot = strrchr (base, '.');

      if (dot != NULL)
        *dot = '\0';
      name = g_strdup_printf ("%s.%s", base, ext);
      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  else
    {
      name = g_strdup_printf ("%s.%s", title && *title ? title : _("Journey map"), ext);
      g_strdelimit (name, "/\\", '-');
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  /* The chosen format's files, named as the format list names them. */
  {
    g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
    GObject *item = adw_combo_row_get_selected_item (self->format_row);

    gtk_file_filter_set_name (filter, item != NULL ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : ext);
    gtk_file_filter_add_suffix (filter, ext);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  }

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
jm_export_dialog_close_request (GtkWindow *window)
{
  JmExportDialog *self = JM_EXPORT_DIALOG (window);

  /* The worker thread holds the document: wait for it. */
  if (self->busy)
    return TRUE;
  return GTK_WINDOW_CLASS (jm_export_dialog_parent_class)->close_request (window);
}

static void
jm_export_dialog_dispose (GObject *object)
{
  JmExportDialog *self = JM_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_clear_object (&self->document);
  g_clear_object (&self->document_file);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->persona_ids, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (jm_export_dialog_parent_class)->dispose (object);
}

static void
jm_export_dialog_class_init (JmExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jm_export_dialog_dispose;
  window_class->close_request = jm_export_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/jm-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, content_row);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, page_row);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, transparent_row);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, persona_row);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, JmExportDialog, spinner);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jm_export_dialog_init (JmExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jm_a11y_name_controls (GTK_WIDGET (self));
  self->persona_ids = g_ptr_array_new_with_free_func (g_free);
}

JmExportDialog *
jm_export_dialog_new (GtkWindow  *parent,
                      JmDocument *document,
                      GFile      *document_file,
                      GSettings  *settings)
{
  JmExportDialog *self;
  g_autoptr(GtkStringList) personas = gtk_string_list_new (NULL);
  g_autofree char *theme = NULL;
  g_autofree char *page = NULL;
  double scale;
  GPtrArray *list;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  self = g_object_new (JM_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->document_file = document_file ? g_object_ref (document_file) : NULL;
  self->settings = g_object_ref (settings);

  gtk_string_list_append (personas, _("All personas"));
  g_ptr_array_add (self->persona_ids, NULL);
  list = jm_document_get_personas (document);
  for (guint i = 0; i < list->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (list, i);

      gtk_string_list_append (personas, persona->name);
      g_ptr_array_add (self->persona_ids, g_strdup (persona->id));
    }
  adw_combo_row_set_model (self->persona_row, G_LIST_MODEL (personas));

  theme = g_settings_get_string (settings, "export-theme");
  page = g_settings_get_string (settings, "export-page");
  scale = g_settings_get_double (settings, "export-scale");
  adw_combo_row_set_selected (self->theme_row, index_of (themes, G_N_ELEMENTS (themes), theme));
  adw_combo_row_set_selected (self->page_row, index_of (pages, G_N_ELEMENTS (pages), page));
  adw_combo_row_set_selected (self->scale_row, (guint) CLAMP (scale, 1, 4) - 1);

  g_signal_connect (self->content_row, "notify::selected", G_CALLBACK (on_option_changed), self);
  g_signal_connect (self->format_row, "notify::selected", G_CALLBACK (on_option_changed), self);
  g_signal_connect (self->page_row, "notify::selected", G_CALLBACK (on_option_changed), self);
  g_signal_connect (self->theme_row, "notify::selected", G_CALLBACK (on_option_changed), self);
  g_signal_connect (self->persona_row, "notify::selected", G_CALLBACK (on_option_changed), self);
  g_signal_connect (self->transparent_switch, "notify::active", G_CALLBACK (on_option_changed), self);
  g_signal_connect (self->scale_row, "notify::selected", G_CALLBACK (on_option_changed), self);
  g_signal_connect (self->export_button, "clicked", G_CALLBACK (on_export_clicked), self);

  update_rows (self);
  queue_preview (self);
  return self;
}
