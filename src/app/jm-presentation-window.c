/* jm-presentation-window.c — presentation mode. The slides and the view of
 * each come from the core (jm-presentation); this window animates between
 * them, dims the stages not being discussed, blanks the screen, draws the
 * laser pointer and keeps the presenter-notes window in step: this slide
 * and the next as pictures, the notes, the elapsed time and the time of
 * day. N brings the notes forward on a single screen, F leaves full screen. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jm-painter.h"
#include "jm-presentation-window.h"

#define ANIMATION_US   (300 * G_TIME_SPAN_MILLISECOND)
#define LASER_SHOWN_US (1500 * G_TIME_SPAN_MILLISECOND)
#define DIM_ALPHA      0.72

struct _JmPresentationWindow {
  GtkWindow   parent_instance;

  GtkWidget  *area;
  JmDocument *document;
  gulong      changed_handler;
  JmLayout   *layout;
  JmPaintCache *paint_cache;   /* cards as images: the laser pointer repaints often */
  char       *persona_id;
  char       *view_id;      /* a named view of the map, or NULL */
  double      min_text;
  double      min_text_share;   /* percent of the output's height; 0: min_text in pixels */
  gboolean    one_per_stage;    /* one slide per stage rather than readable parts */
  gboolean    high_contrast;

  GArray     *slides;            /* JmSlide */
  guint       index;
  guint       overview_return;   /* where O goes back to from the overview */
  gboolean    blanked;
  double      out_w;
  double      out_h;

  JmView      view;
  JmView      from;
  JmView      to;
  gint64      animation_start;   /* frame time, µs; 0: still */
  guint       tick_id;

  double      laser_x;
  double      laser_y;
  gint64      laser_time;        /* last pointer motion, µs; 0: never */
  guint       laser_source;

  GtkWindow  *notes;
  GtkLabel   *notes_position;
  GtkLabel   *notes_clock;
  GtkLabel   *notes_time;      /* the time of day, beside the elapsed time */
  /* This slide and the next as pictures, each made once per slide (and
   * size, theme, document change) and then only copied to the screen. */
  GtkWidget  *pictures[2];
  cairo_surface_t *picture_cache[2];
  guint       picture_cached[2];     /* the slide index each holds */
  guint       picture_painted[2];    /* the slide index each last showed: a test hook */
  GtkLabel   *notes_title;
  GtkLabel   *notes_text;
  GtkLabel   *notes_next;
  gint64      started;
  guint       clock_source;
};

G_DEFINE_FINAL_TYPE (JmPresentationWindow, jm_presentation_window, GTK_TYPE_WINDOW)

static JmTheme
current_theme (JmPresentationWindow *self)
{
  if (self->high_contrast)
    return JM_THEME_HIGH_CONTRAST;
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? JM_THEME_DARK : JM_THEME_LIGHT;
}

static const JmSlide *
slide_at (JmPresentationWindow *self,
          guint                 index)
{
  if (self->slides == NULL || index >= self->slides->len)
    return NULL;
  return &g_array_index (self->slides, JmSlide, index);
}

/* ---- the notes window ---- */

static char *
slide_name (JmPresentationWindow *self,
            const JmSlide        *slide)
{
  JmStage *stage;

  if (slide == NULL)
    return g_strdup (_("End of the presentation"));
  if (slide->kind == JM_SLIDE_OVERVIEW)
    return g_strdup (_("Overview"));
  stage = jm_document_find_stage (self->document, slide->stage_id);
  if (slide->n_parts > 1)
    /* Translators: a stage shown in parts, e.g. "Celebrations (2 of 3)" */
    return g_strdup_printf (_("%s (%u of %u)"), stage ? stage->name : "", slide->part + 1, slide->n_parts);
  return g_strdup (stage ? stage->name : "");
}

static void
update_clock (JmPresentationWindow *self)
{
  gint64 seconds = (g_get_monotonic_time () - self->started) / G_USEC_PER_SEC;
  g_autofree char *text = NULL;

  if (seconds >= 3600)
    text = g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60));
  else
    text = g_strdup_printf ("%02d:%02d", (int) (seconds / 60), (int) (seconds % 60));
  gtk_label_set_text (self->notes_clock, text);

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    /* Translators: the time of day in the presenter notes, as strftime
     * writes it: "%H:%M" is 14:05; "%l:%M %p" would be 2:05 PM */
    g_autofree char *time = g_date_time_format (now, C_("presenter clock", "%H:%M"));

    gtk_label_set_text (self->notes_time, time != NULL ? time : "");
  }
}

static gboolean
on_clock_tick (gpointer data)
{
  update_clock (JM_PRESENTATION_WINDOW (data));
  return G_SOURCE_CONTINUE;
}

static void
update_notes (JmPresentationWindow *self)
{
  const JmSlide *slide = slide_at (self, self->index);
  g_autofree char *title = slide_name (self, slide);
  g_autofree char *next_name = slide_name (self, slide_at (self, self->index + 1));
  g_autofree char *next = NULL;
  g_autofree char *position = NULL;
  const char *notes = NULL;
  guint n_stages = jm_document_get_stages (self->document)->len;

  if (slide == NULL)
    return;
  if (slide->kind == JM_SLIDE_OVERVIEW)
    {
      /* The map's own notes are the team's, not the presenter's: the
       * overview has the scenario, which the room sees anyway. */
      position = g_strdup (jm_document_get_title (self->document));
      notes = jm_document_get_scenario (self->document);
    }
  else
    {
      JmStage *stage = jm_document_find_stage (self->document, slide->stage_id);

      /* Translators: where the presentation is, e.g. "Stage 2 of 5" */
      position = g_strdup_printf (_("Stage %u of %u"), slide->stage_index + 1, n_stages);
      notes = stage ? stage->notes : NULL;
      /* Said to the presenter only: the room may not read this one from the back. */
      if (slide->below_min)
        {
          g_autofree char *plain = g_steal_pointer (&position);

          /* Translators: in the presenter notes, after "Stage 2 of 5" */
          position = g_strdup_printf (_("%s · text below the minimum size"), plain);
        }
    }

  /* Translators: in the presenter notes, the slide after this one */
  next = g_strdup_printf (_("Next: %s"), next_name);
  gtk_label_set_text (self->notes_position, position);
  gtk_label_set_text (self->notes_title, title);
  gtk_label_set_text (self->notes_text, notes && *notes ? notes : _("No notes for this stage. Add them in the stage’s inspector."));
  gtk_widget_set_opacity (GTK_WIDGET (self->notes_text), notes && *notes ? 1.0 : 0.55);
  gtk_label_set_text (self->notes_next, next);

  /* Screen readers hear where the presentation is. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
  for (guint i = 0; i < G_N_ELEMENTS (self->pictures); i++)
    if (self->pictures[i] != NULL)
      gtk_widget_queue_draw (self->pictures[i]);
}

static gboolean
on_notes_key (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              JmPresentationWindow  *self)
{
  return jm_presentation_window_handle_key (self, keyval, state);
}

static void
on_notes_button (GtkButton            *button,
                 JmPresentationWindow *self)
{
  jm_presentation_window_handle_key (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "key")), 0);
}

static GtkWidget *
notes_button (JmPresentationWindow *self,
              const char           *icon,
              const char           *tooltip,
              guint                 key)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (button), "key", GUINT_TO_POINTER (key));
  g_signal_connect (button, "clicked", G_CALLBACK (on_notes_button), self);
  return button;
}

static void paint_slide (JmPresentationWindow *self,
                         cairo_t              *cr,
                         const JmSlide        *slide,
                         const JmView         *view,
                         double                width,
                         double                height,
                         double                device_scale,
                         JmPaintCache         *cache);

/* Pictures made again at the next draw: the slides or their look changed. */
static void
forget_pictures (JmPresentationWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->pictures); i++)
    {
      g_clear_pointer (&self->picture_cache[i], cairo_surface_destroy);
      if (self->pictures[i] != NULL)
        gtk_widget_queue_draw (self->pictures[i]);
    }
}

/* Slide index (this one, or the next) as the presentation's output shows
 * it, scaled into a picture of width × height. */
static cairo_surface_t *
make_picture (JmPresentationWindow *self,
              guint                 index,
              int                   width,
              int                   height,
              int                   device)
{
  const JmThemeColors *colors = jm_theme_get_colors (jm_layout_get_options (self->layout)->theme);
  const JmSlide *slide = slide_at (self, index);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width * device, height * device);
  double out_w = MAX (self->out_w, 1), out_h = MAX (self->out_h, 1);
  double f = MIN ((double) width / out_w, (double) height / out_h);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, device, device);
  cr = cairo_create (surface);
  /* Letterboxed as the output's shape. */
  cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
  cairo_paint (cr);
  cairo_translate (cr, (width - out_w * f) / 2, (height - out_h * f) / 2);
  cairo_scale (cr, f, f);
  cairo_rectangle (cr, 0, 0, out_w, out_h);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, colors->background.r, colors->background.g, colors->background.b);
  cairo_paint (cr);
  if (slide != NULL)
    {
      JmView view;

      jm_presentation_view (self->layout, slide, out_w, out_h, &view);
      paint_slide (self, cr, slide, &view, out_w, out_h, f * device, NULL);
    }
  else
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (self->pictures[1], _("End of the presentation"));
      PangoFontDescription *font = pango_font_description_from_string ("Cantarell Bold 48");
      int tw, th;

      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_get_pixel_size (layout, &tw, &th);
      cairo_set_source_rgb (cr, colors->text_dim.r, colors->text_dim.g, colors->text_dim.b);
      cairo_move_to (cr, (out_w - tw) / 2, (out_h - th) / 2);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }
  cairo_destroy (cr);
  return surface;
}

static void
draw_picture (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  JmPresentationWindow *self = data;
  guint which = self->pictures[0] == GTK_WIDGET (area) ? 0 : 1;
  guint index = self->index + which;
  int device = gtk_widget_get_scale_factor (GTK_WIDGET (area));
  cairo_surface_t *cached = self->picture_cache[which];

  if (width <= 0 || height <= 0 || self->layout == NULL)
    return;
  /* Made once per slide and size; a redraw only copies it. */
  if (cached == NULL || self->picture_cached[which] != index
      || cairo_image_surface_get_width (cached) != width * device
      || cairo_image_surface_get_height (cached) != height * device)
    {
      g_clear_pointer (&self->picture_cache[which], cairo_surface_destroy);
      self->picture_cache[which] = make_picture (self, index, width, height, device);
      self->picture_cached[which] = index;
    }
  cairo_set_source_surface (cr, self->picture_cache[which], 0, 0);
  cairo_paint (cr);
  self->picture_painted[which] = index;
}

static GtkWidget *
picture_box (JmPresentationWindow *self,
             guint                 which,
             const char           *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (caption);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_picture, self, NULL);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), which == 0 ? 216 : 144);
  gtk_widget_set_hexpand (area, TRUE);
  gtk_widget_set_vexpand (area, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, caption, -1);
  gtk_frame_set_child (GTK_FRAME (frame), area);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  self->pictures[which] = area;
  self->picture_painted[which] = G_MAXUINT;
  return box;
}

/* This slide, large, and the next, smaller, side by side. */
static GtkWidget *
build_pictures (JmPresentationWindow *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *now = picture_box (self, 0, _("This slide"));
  GtkWidget *next = picture_box (self, 1, _("Next slide"));

  gtk_widget_set_size_request (now, 384, -1);
  gtk_widget_set_size_request (next, 256, -1);
  gtk_widget_set_valign (next, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (row), now);
  gtk_box_append (GTK_BOX (row), next);
  /* Three parts of the room to this slide, two to the next. */
  gtk_box_set_homogeneous (GTK_BOX (row), FALSE);
  return row;
}

static void
build_notes_window (JmPresentationWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *header = adw_header_bar_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->notes = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (self->notes, _("Presenter Notes"));
  gtk_window_set_default_size (self->notes, 960, 640);
  gtk_window_set_titlebar (self->notes, header);
  gtk_window_set_hide_on_close (self->notes, TRUE);

  self->notes_position = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->notes_position), "dim-label");
  gtk_label_set_xalign (self->notes_position, 0);
  gtk_label_set_ellipsize (self->notes_position, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->notes_position), TRUE);
  self->notes_clock = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->notes_clock), "title-2");
  gtk_widget_add_css_class (GTK_WIDGET (self->notes_clock), "numeric");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->notes_clock), _("Time since the presentation started"));
  self->notes_time = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->notes_time), "title-2");
  gtk_widget_add_css_class (GTK_WIDGET (self->notes_time), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->notes_time), "dim-label");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->notes_time), _("Time of day"));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->notes_position));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->notes_clock));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->notes_time));

  self->notes_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->notes_title), "title-1");
  gtk_label_set_xalign (self->notes_title, 0);
  gtk_label_set_wrap (self->notes_title, TRUE);

  self->notes_text = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->notes_text), "title-4");
  gtk_label_set_xalign (self->notes_text, 0);
  gtk_label_set_yalign (self->notes_text, 0);
  gtk_label_set_wrap (self->notes_text, TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->notes_text));

  self->notes_next = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->notes_next), "dim-label");
  gtk_label_set_xalign (self->notes_next, 0);
  gtk_label_set_wrap (self->notes_next, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->notes_next), TRUE);

  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->notes_next));
  gtk_box_append (GTK_BOX (buttons), notes_button (self, "go-previous-symbolic", _("Previous"), GDK_KEY_Left));
  gtk_box_append (GTK_BOX (buttons), notes_button (self, "go-next-symbolic", _("Next"), GDK_KEY_Right));
  gtk_box_append (GTK_BOX (buttons), notes_button (self, "view-grid-symbolic", _("Overview"), GDK_KEY_o));
  gtk_box_append (GTK_BOX (buttons), notes_button (self, "media-playback-stop-symbolic", _("Stop Presenting"), GDK_KEY_Escape));

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), build_pictures (self));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->notes_title));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_child (self->notes, box);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_notes_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->notes), keys);
}

/* ---- slides and the view ---- */

static void
view_for (JmPresentationWindow *self,
          guint                 index,
          JmView               *view)
{
  const JmSlide *slide = slide_at (self, index);

  if (slide != NULL && self->out_w > 0 && self->out_h > 0)
    jm_presentation_view (self->layout, slide, self->out_w, self->out_h, view);
  else
    *view = (JmView) { 1, 0, 0 };
}

static void
compute_slides (JmPresentationWindow *self)
{
  double min_text = self->min_text_share > 0 ? self->min_text_share / 100 * MAX (self->out_h, 1) : self->min_text;
  guint flags = JM_SLIDES_PIN_EMOTIONS | (self->one_per_stage ? JM_SLIDES_ONE_PER_STAGE : 0);

  g_clear_pointer (&self->slides, g_array_unref);

  /* Chips and badges as large as the room needs, before the slides are cut. */
  jm_presentation_fit_labels (self->layout, MAX (self->out_w, 1), MAX (self->out_h, 1), MAX (min_text, 1), flags);
  self->slides = jm_presentation_slides_pinned (self->layout, MAX (self->out_w, 1), MAX (self->out_h, 1),
                                                MAX (min_text, 1), flags);
  self->index = MIN (self->index, self->slides->len - 1);
  self->overview_return = MIN (self->overview_return, self->slides->len - 1);
  forget_pictures (self);
}

static void
make_layout (JmPresentationWindow *self)
{
  JmRenderOptions options;

  jm_render_options_init (&options);
  options.theme = current_theme (self);
  options.persona_id = self->persona_id;
  options.view_id = self->view_id;
  if (self->layout == NULL)
    self->layout = jm_layout_new (self->document, &options);
  else
    jm_layout_set_options (self->layout, &options);
}

static double
ease (double t)
{
  return t < 0.5 ? 4 * t * t * t : 1 - pow (-2 * t + 2, 3) / 2;
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  JmPresentationWindow *self = data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double t;

  if (self->animation_start == 0)
    self->animation_start = now;
  t = (double) (now - self->animation_start) / ANIMATION_US;
  if (t >= 1)
    {
      self->view = self->to;
      self->tick_id = 0;
      self->animation_start = 0;
      gtk_widget_queue_draw (widget);
      return G_SOURCE_REMOVE;
    }
  jm_view_interpolate (&self->from, &self->to, ease (t), self->out_w, self->out_h, &self->view);
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static gboolean
animations_enabled (JmPresentationWindow *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (self->area), "gtk-enable-animations", &enabled, NULL);
  return enabled && gtk_widget_get_mapped (self->area);
}

static void
go_to (JmPresentationWindow *self,
       guint                 index)
{
  if (self->slides == NULL || self->slides->len == 0)
    return;
  index = MIN (index, self->slides->len - 1);
  self->blanked = FALSE;
  self->index = index;
  self->from = self->view;
  view_for (self, index, &self->to);

  if (animations_enabled (self))
    {
      self->animation_start = 0;
      if (self->tick_id == 0)
        self->tick_id = gtk_widget_add_tick_callback (self->area, on_tick, self, NULL);
    }
  else
    {
      if (self->tick_id != 0)
        gtk_widget_remove_tick_callback (self->area, self->tick_id);
      self->tick_id = 0;
      self->view = self->to;
    }
  update_notes (self);
  gtk_widget_queue_draw (self->area);
}

/* The presenter's own zoom, about a point of the output (pixels), and
 * pan: the slide stays where it is until the next one, or 0. */
static void
zoom_view (JmPresentationWindow *self,
           double                factor,
           double                ox,
           double                oy)
{
  double mx, my, scale;

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (self->area, self->tick_id);
  self->tick_id = 0;
  self->view = self->to;
  mx = self->view.x + ox / self->view.scale;
  my = self->view.y + oy / self->view.scale;
  scale = CLAMP (self->view.scale * factor, 0.05, 8.0);
  self->view = (JmView) { scale, mx - ox / scale, my - oy / scale };
  self->to = self->view;
  gtk_widget_queue_draw (self->area);
}

static void
pan_view (JmPresentationWindow *self,
          double                dx,
          double                dy)
{
  zoom_view (self, 1.0, 0, 0);
  self->view.x += dx / self->view.scale;
  self->view.y += dy / self->view.scale;
  self->to = self->view;
  gtk_widget_queue_draw (self->area);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           JmPresentationWindow     *self)
{
  if (dy == 0)
    return FALSE;
  zoom_view (self, dy < 0 ? 1.1 : 1 / 1.1, self->laser_x, self->laser_y);
  return TRUE;
}

const JmView *
jm_presentation_window_get_view (JmPresentationWindow *self)
{
  g_return_val_if_fail (JM_IS_PRESENTATION_WINDOW (self), NULL);
  return &self->view;
}

static void
on_resize (GtkDrawingArea       *area,
           int                   width,
           int                   height,
           JmPresentationWindow *self)
{
  self->out_w = width;
  self->out_h = height;
  compute_slides (self);
  view_for (self, self->index, &self->view);
  self->to = self->view;
  update_notes (self);
}

static void
on_document_changed (JmDocument           *document,
                     const JmChange       *change,
                     JmPresentationWindow *self)
{
  compute_slides (self);
  view_for (self, self->index, &self->view);
  self->to = self->view;
  update_notes (self);
  gtk_widget_queue_draw (self->area);
}

/* ---- drawing ---- */

static void
set_color (cairo_t *cr,
           JmColor  c,
           double   alpha)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, c.a * alpha);
}

static void
draw_part_caption (JmPresentationWindow *self,
                   cairo_t              *cr,
                   const JmSlide        *slide,
                   const JmThemeColors  *colors)
{
  g_autofree char *text = slide_name (self, slide);
  PangoLayout *layout = gtk_widget_create_pango_layout (self->area, text);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell Bold 18");
  int tw, th;

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_new_path (cr);
  cairo_rectangle (cr, 20, 20, tw + 32, th + 16);
  set_color (cr, colors->text, 0.85);
  cairo_fill (cr);
  set_color (cr, colors->background, 1);
  cairo_move_to (cr, 36, 28);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/* A slide through a view on an output of width × height (cr's units);
 * device_scale: device pixels per unit of cr. The output's drawing and the
 * notes' pictures both come from here. */
static void
paint_slide (JmPresentationWindow *self,
             cairo_t              *cr,
             const JmSlide        *slide,
             const JmView         *view,
             double                width,
             double                height,
             double                device_scale,
             JmPaintCache         *cache)
{
  JmRect visible = { view->x, view->y, width / view->scale, height / view->scale };

  cairo_save (cr);
  cairo_scale (cr, view->scale, view->scale);
  cairo_translate (cr, -view->x, -view->y);
  jm_painter_paint_cached (self->layout, cr, &visible, view->scale * device_scale, cache);

  /* The stages not being discussed step back. */
  if (slide->kind == JM_SLIDE_STAGE)
    jm_presentation_paint_dim (self->layout, slide, cr, &visible, DIM_ALPHA);
  /* Whichever part of the stage is shown, its headers and the lanes'
   * titles stay beside it; the legend of the curves, on every slide. */
  jm_presentation_paint_context (self->layout, slide, cr, view->scale * device_scale);
  /* The context band too steps back beside the stage: a plain veil,
   * since the cards the dimming leaves whole lie elsewhere on the map
   * than the band pinned over them. */
  if (slide->kind == JM_SLIDE_STAGE)
    {
      double above = slide->header_h + slide->emotion_h;
      double band_top = slide->frame.y - above;
      const JmThemeColors *colors = jm_theme_get_colors (jm_layout_get_options (self->layout)->theme);
      JmRect stage;

      if (slide->stage_id != NULL && jm_layout_get_stage_rect (self->layout, slide->stage_id, &stage))
        {
          double right = stage.x + stage.width;

          set_color (cr, colors->background, DIM_ALPHA);
          if (visible.x + visible.width > right)
            cairo_rectangle (cr, right, band_top, visible.x + visible.width - right, above);
          if (stage.x > slide->frame.x)
            cairo_rectangle (cr, slide->frame.x, band_top, stage.x - slide->frame.x, above);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        data)
{
  JmPresentationWindow *self = data;
  const JmThemeColors *colors = jm_theme_get_colors (current_theme (self));
  const JmSlide *slide = slide_at (self, self->index);

  if (self->blanked)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_paint (cr);
      return;
    }

  set_color (cr, colors->background, 1);
  cairo_paint (cr);
  if (slide == NULL)
    return;

  jm_paint_cache_set_device_scale (self->paint_cache, gtk_widget_get_scale_factor (GTK_WIDGET (area)));
  paint_slide (self, cr, slide, &self->view, width, height, gtk_widget_get_scale_factor (GTK_WIDGET (area)),
               self->paint_cache);

  if (slide->kind == JM_SLIDE_STAGE && slide->part > 0)
    draw_part_caption (self, cr, slide, colors);

  /* The laser pointer, while the pointer moves. */
  if (self->laser_time != 0 && g_get_monotonic_time () - self->laser_time < LASER_SHOWN_US)
    {
      cairo_pattern_t *glow = cairo_pattern_create_radial (self->laser_x, self->laser_y, 0,
                                                           self->laser_x, self->laser_y, 22);

      cairo_pattern_add_color_stop_rgba (glow, 0, 1, 0.1, 0.1, 0.95);
      cairo_pattern_add_color_stop_rgba (glow, 0.35, 1, 0.15, 0.1, 0.85);
      cairo_pattern_add_color_stop_rgba (glow, 1, 1, 0.2, 0.1, 0);
      cairo_set_source (cr, glow);
      cairo_arc (cr, self->laser_x, self->laser_y, 22, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_pattern_destroy (glow);
    }
}

/* ---- the pointer ---- */

static gboolean
on_laser_timeout (gpointer data)
{
  JmPresentationWindow *self = data;

  self->laser_source = 0;
  gtk_widget_queue_draw (self->area);
  return G_SOURCE_REMOVE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           JmPresentationWindow     *self)
{
  if (fabs (x - self->laser_x) < 0.5 && fabs (y - self->laser_y) < 0.5)
    return;
  self->laser_x = x;
  self->laser_y = y;
  self->laser_time = g_get_monotonic_time ();
  g_clear_handle_id (&self->laser_source, g_source_remove);
  self->laser_source = g_timeout_add (LASER_SHOWN_US / 1000 + 50, on_laser_timeout, self);
  gtk_widget_queue_draw (self->area);
}

static void
on_click (GtkGestureClick      *gesture,
          int                   n_press,
          double                x,
          double                y,
          JmPresentationWindow *self)
{
  /* A click moves on, as in any slide show; the secondary button goes back. */
  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_SECONDARY)
    jm_presentation_window_handle_key (self, GDK_KEY_Left, 0);
  else
    jm_presentation_window_handle_key (self, GDK_KEY_Right, 0);
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        JmPresentationWindow  *self)
{
  return jm_presentation_window_handle_key (self, keyval, state);
}

/* ---- public ---- */

gboolean
jm_presentation_window_handle_key (JmPresentationWindow *self,
                                   guint                 keyval,
                                   GdkModifierType       state)
{
  guint last;

  g_return_val_if_fail (JM_IS_PRESENTATION_WINDOW (self), FALSE);

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;
  last = self->slides ? self->slides->len - 1 : 0;

  /* Shift and the arrows pan the slide, a tenth of the screen at a time. */
  if (state & GDK_SHIFT_MASK)
    switch (keyval)
      {
      case GDK_KEY_Left: case GDK_KEY_KP_Left:
        pan_view (self, -self->out_w / 10, 0);
        return TRUE;
      case GDK_KEY_Right: case GDK_KEY_KP_Right:
        pan_view (self, self->out_w / 10, 0);
        return TRUE;
      case GDK_KEY_Up: case GDK_KEY_KP_Up:
        pan_view (self, 0, -self->out_h / 10);
        return TRUE;
      case GDK_KEY_Down: case GDK_KEY_KP_Down:
        pan_view (self, 0, self->out_h / 10);
        return TRUE;
      default:
        break;
      }

  switch (gdk_keyval_to_lower (keyval))
    {
    /* Zoom in and out about the middle; 0 goes back to the slide. */
    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add:
      zoom_view (self, 1.25, self->out_w / 2, self->out_h / 2);
      return TRUE;
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
      zoom_view (self, 1 / 1.25, self->out_w / 2, self->out_h / 2);
      return TRUE;
    case GDK_KEY_0: case GDK_KEY_KP_0:
      go_to (self, self->index);
      return TRUE;

    /* P: readable parts, or one slide per stage (its text maybe smaller). */
    case GDK_KEY_p:
      {
        const JmSlide *slide = slide_at (self, self->index);
        guint stage = slide != NULL && slide->kind == JM_SLIDE_STAGE ? slide->stage_index : G_MAXUINT;

        self->one_per_stage = !self->one_per_stage;
        compute_slides (self);
        go_to (self, stage == G_MAXUINT ? 0 : jm_presentation_find_stage (self->slides, stage));
      }
      return TRUE;

    case GDK_KEY_Right: case GDK_KEY_KP_Right:
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space: case GDK_KEY_KP_Space:
    case GDK_KEY_Return: case GDK_KEY_KP_Enter:
      go_to (self, MIN (self->index + 1, last));
      return TRUE;

    case GDK_KEY_Left: case GDK_KEY_KP_Left:
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
      go_to (self, self->index > 0 ? self->index - 1 : 0);
      return TRUE;

    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      go_to (self, 0);
      return TRUE;

    case GDK_KEY_End: case GDK_KEY_KP_End:
      go_to (self, last);
      return TRUE;

    case GDK_KEY_o:
      if (self->index != 0)
        {
          self->overview_return = self->index;
          go_to (self, 0);
        }
      else
        {
          go_to (self, self->overview_return > 0 ? self->overview_return : MIN (1, last));
        }
      return TRUE;

    case GDK_KEY_n: case GDK_KEY_N:
      /* With one screen the notes hide behind the slides: bring them
       * forward, and the slides back again. */
      if (self->notes != NULL && gtk_window_is_active (self->notes))
        gtk_window_present (GTK_WINDOW (self));
      else if (self->notes != NULL)
        gtk_window_present (self->notes);
      return TRUE;

    case GDK_KEY_f: case GDK_KEY_F11:
      /* Out of full screen, to put the notes beside the slides on one screen. */
      if (gtk_window_is_fullscreen (GTK_WINDOW (self)))
        gtk_window_unfullscreen (GTK_WINDOW (self));
      else
        gtk_window_fullscreen (GTK_WINDOW (self));
      return TRUE;

    case GDK_KEY_b: case GDK_KEY_period: case GDK_KEY_KP_Decimal:
      self->blanked = !self->blanked;
      gtk_widget_queue_draw (self->area);
      return TRUE;

    case GDK_KEY_c:
      self->high_contrast = !self->high_contrast;
      make_layout (self);
      compute_slides (self);
      view_for (self, self->index, &self->view);
      self->to = self->view;
      gtk_widget_queue_draw (self->area);
      return TRUE;

    case GDK_KEY_Escape:
      gtk_window_destroy (GTK_WINDOW (self));
      return TRUE;

    default:
      break;
    }

  if ((keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9) || (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9))
    {
      guint stage = keyval >= GDK_KEY_KP_1 ? keyval - GDK_KEY_KP_1 : keyval - GDK_KEY_1;

      if (stage < jm_document_get_stages (self->document)->len)
        go_to (self, jm_presentation_find_stage (self->slides, stage));
      return TRUE;
    }
  return FALSE;
}

guint
jm_presentation_window_get_index (JmPresentationWindow *self)
{
  g_return_val_if_fail (JM_IS_PRESENTATION_WINDOW (self), 0);
  return self->index;
}

guint
jm_presentation_window_get_n_slides (JmPresentationWindow *self)
{
  g_return_val_if_fail (JM_IS_PRESENTATION_WINDOW (self), 0);
  return self->slides ? self->slides->len : 0;
}

const JmSlide *
jm_presentation_window_get_slide (JmPresentationWindow *self)
{
  g_return_val_if_fail (JM_IS_PRESENTATION_WINDOW (self), NULL);
  return slide_at (self, self->index);
}

gboolean
jm_presentation_window_get_blanked (JmPresentationWindow *self)
{
  g_return_val_if_fail (JM_IS_PRESENTATION_WINDOW (self), FALSE);
  return self->blanked;
}

gboolean
jm_presentation_window_get_high_contrast (JmPresentationWindow *self)
{
  g_return_val_if_fail (JM_IS_PRESENTATION_WINDOW (self), FALSE);
  return self->high_contrast;
}

void
jm_presentation_window_get_pictures (JmPresentationWindow *self,
                                     guint                *current,
                                     guint                *next)
{
  g_return_if_fail (JM_IS_PRESENTATION_WINDOW (self));
  if (current)
    *current = self->picture_painted[0];
  if (next)
    *next = self->picture_painted[1];
}

JmLayout *
jm_presentation_window_get_layout (JmPresentationWindow *self)
{
  g_return_val_if_fail (JM_IS_PRESENTATION_WINDOW (self), NULL);
  return self->layout;
}

GtkWindow *
jm_presentation_window_get_notes (JmPresentationWindow *self)
{
  g_return_val_if_fail (JM_IS_PRESENTATION_WINDOW (self), NULL);
  return self->notes;
}

void
jm_presentation_window_start (JmPresentationWindow *self,
                              GtkWindow            *parent)
{
  GdkDisplay *display;
  GdkMonitor *parent_monitor = NULL, *target = NULL;
  GListModel *monitors;

  g_return_if_fail (JM_IS_PRESENTATION_WINDOW (self));

  display = gtk_widget_get_display (GTK_WIDGET (self));
  monitors = gdk_display_get_monitors (display);
  if (parent != NULL && gtk_native_get_surface (GTK_NATIVE (parent)) != NULL)
    parent_monitor = gdk_display_get_monitor_at_surface (display, gtk_native_get_surface (GTK_NATIVE (parent)));

  /* With a projector attached, the map goes there and the notes stay here. */
  for (guint i = 0; i < g_list_model_get_n_items (monitors) && target == NULL; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor != parent_monitor)
        target = monitor;
    }
  if (g_list_model_get_n_items (monitors) <= 1 || target == NULL)
    target = parent_monitor;
  if (target == NULL && g_list_model_get_n_items (monitors) > 0)
    {
      /* The display keeps its monitors: a borrowed pointer will do. */
      target = g_list_model_get_item (monitors, 0);
      g_object_unref (target);
    }

  /* The monitor's size even where nothing honours full screen requests. */
  if (target != NULL)
    {
      GdkRectangle geometry;

      gdk_monitor_get_geometry (target, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), target);
    }
  else
    {
      gtk_window_fullscreen (GTK_WINDOW (self));
    }

  if (parent != NULL)
    gtk_window_set_transient_for (self->notes, parent);
  self->started = g_get_monotonic_time ();
  update_clock (self);
  self->clock_source = g_timeout_add_seconds (1, on_clock_tick, self);
  gtk_window_present (self->notes);
  gtk_window_present (GTK_WINDOW (self));
}

static void
jm_presentation_window_dispose (GObject *object)
{
  JmPresentationWindow *self = JM_PRESENTATION_WINDOW (object);

  g_clear_handle_id (&self->laser_source, g_source_remove);
  g_clear_handle_id (&self->clock_source, g_source_remove);
  if (self->tick_id != 0 && self->area != NULL)
    gtk_widget_remove_tick_callback (self->area, self->tick_id);
  self->tick_id = 0;
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  if (self->notes != NULL)
    {
      gtk_window_destroy (self->notes);
      self->notes = NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->picture_cache); i++)
    g_clear_pointer (&self->picture_cache[i], cairo_surface_destroy);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->paint_cache, jm_paint_cache_free);
  g_clear_object (&self->document);
  g_clear_pointer (&self->slides, g_array_unref);
  g_clear_pointer (&self->persona_id, g_free);
  g_clear_pointer (&self->view_id, g_free);
  G_OBJECT_CLASS (jm_presentation_window_parent_class)->dispose (object);
}

static void
jm_presentation_window_class_init (JmPresentationWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jm_presentation_window_dispose;
}

static void
jm_presentation_window_init (JmPresentationWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->paint_cache = jm_paint_cache_new (0);
  self->area = gtk_drawing_area_new ();
  gtk_widget_set_focusable (self->area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw, self, NULL);
  {
    GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL
                                                                  | GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);

    g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
    gtk_widget_add_controller (self->area, scroll);
  }
  g_signal_connect (self->area, "resize", G_CALLBACK (on_resize), self);
  gtk_widget_set_cursor_from_name (self->area, "none");
  gtk_window_set_child (GTK_WINDOW (self), self->area);
  gtk_window_set_title (GTK_WINDOW (self), _("Presentation"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (self->area, motion);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (self->area, GTK_EVENT_CONTROLLER (click));

  build_notes_window (self);
}

JmPresentationWindow *
jm_presentation_window_new (JmDocument *document,
                            const char *persona_id,
                            double      min_text_px,
                            gboolean    high_contrast)
{
  JmPresentationWindow *self;
  g_autofree char *label = NULL;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  self = g_object_new (JM_TYPE_PRESENTATION_WINDOW, NULL);
  self->document = g_object_ref (document);
  self->persona_id = g_strdup (persona_id);
  self->min_text = MAX (min_text_px, 1);
  self->high_contrast = high_contrast;
  make_layout (self);
  self->out_w = 1280;
  self->out_h = 720;
  compute_slides (self);
  view_for (self, 0, &self->view);
  self->to = self->view;
  self->changed_handler = g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);

  /* Translators: the accessible name of the presented map */
  label = g_strdup_printf (_("Presentation of “%s”"), jm_document_get_title (document));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  update_notes (self);
  return self;
}

void
jm_presentation_window_set_view (JmPresentationWindow *self,
                                 const char           *view_id)
{
  g_return_if_fail (JM_IS_PRESENTATION_WINDOW (self));

  g_free (self->view_id);
  self->view_id = view_id != NULL && *view_id != '\0' ? g_strdup (view_id) : NULL;
  make_layout (self);
  compute_slides (self);
  self->index = 0;
  view_for (self, 0, &self->view);
  self->to = self->view;
  update_notes (self);
}

void
jm_presentation_window_set_min_text_share (JmPresentationWindow *self,
                                           double                percent)
{
  g_return_if_fail (JM_IS_PRESENTATION_WINDOW (self));

  self->min_text_share = CLAMP (percent, 0, 20);
  compute_slides (self);
  view_for (self, self->index, &self->view);
  self->to = self->view;
  update_notes (self);
  gtk_widget_queue_draw (self->area);
}
