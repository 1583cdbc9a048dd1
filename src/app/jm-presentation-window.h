/* jm-presentation-window.h — presentation mode: the map full screen, the
 * overview then stage by stage, driven by the keys presentation clickers
 * send, with a presenter-notes window for the laptop screen. */
#pragma once

#include <adwaita.h>

#include "jm-document.h"
#include "jm-presentation.h"

G_BEGIN_DECLS

#define JM_TYPE_PRESENTATION_WINDOW (jm_presentation_window_get_type ())
G_DECLARE_FINAL_TYPE (JmPresentationWindow, jm_presentation_window, JM, PRESENTATION_WINDOW, GtkWindow)

/* persona_id: the persona filter to present with, or NULL. min_text_px:
 * the smallest cards' text on screen. */
JmPresentationWindow *jm_presentation_window_new         (JmDocument           *document,
                                                          const char           *persona_id,
                                                          double                min_text_px,
                                                          gboolean              high_contrast);
/* Presents the map through the named view view_id (NULL: the whole map),
 * from the first slide. */
void                  jm_presentation_window_set_view    (JmPresentationWindow *self,
                                                          const char           *view_id);
/* The smallest cards' text as a share (percent) of the output's height,
 * so that the back of the room can read it on any screen; 0 goes back to
 * min_text_px. */
void                  jm_presentation_window_set_min_text_share (JmPresentationWindow *self,
                                                                 double                percent);
/* Goes full screen (on another monitor than parent's when there is one)
 * and opens the notes window beside parent. */
void                  jm_presentation_window_start       (JmPresentationWindow *self,
                                                          GtkWindow            *parent);
/* What a key does; TRUE when it meant something. */
gboolean              jm_presentation_window_handle_key  (JmPresentationWindow *self,
                                                          guint                 keyval,
                                                          GdkModifierType       state);
guint                 jm_presentation_window_get_index   (JmPresentationWindow *self);
/* What the output shows now: the slide's view, or the presenter's zoom
 * and pan of it (+, −, the wheel, Shift and the arrows; 0 goes back). */
const JmView         *jm_presentation_window_get_view    (JmPresentationWindow *self);
guint                 jm_presentation_window_get_n_slides (JmPresentationWindow *self);
const JmSlide        *jm_presentation_window_get_slide   (JmPresentationWindow *self);
gboolean              jm_presentation_window_get_blanked (JmPresentationWindow *self);
gboolean              jm_presentation_window_get_high_contrast (JmPresentationWindow *self);
GtkWindow            *jm_presentation_window_get_notes   (JmPresentationWindow *self);
/* The layout the slides are drawn from (its options: view, label scale). */
JmLayout             *jm_presentation_window_get_layout  (JmPresentationWindow *self);
/* The slides the notes window's two pictures (this slide, the next) last
 * showed; G_MAXUINT before they were first drawn. */
void                  jm_presentation_window_get_pictures (JmPresentationWindow *self,
                                                           guint                *current,
                                                           guint                *next);

G_END_DECLS
