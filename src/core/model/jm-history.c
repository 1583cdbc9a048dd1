/* jm-history.c — the undo stack of a document, with merging of consecutive
 * typing, groups and an exact clean point. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jm-command-private.h"
#include "jm-history.h"

/* Edits of one field further apart than this start a new undo step. */
#define MERGE_WINDOW_USEC (2 * G_USEC_PER_SEC)

struct _JmHistory {
  GObject     parent_instance;

  JmDocument *document;      /* weak: the document owns us */
  GPtrArray  *steps;         /* JmCommand*, oldest first */
  guint       position;      /* steps[0..position) are applied */
  int         clean;         /* position of the saved state, -1: unreachable */
  gboolean    sealed;        /* the next edit may not merge into the top step */
  GPtrArray  *group_stack;   /* open groups, JmCommand* */
};

G_DEFINE_FINAL_TYPE (JmHistory, jm_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jm_history_finalize (GObject *object)
{
  JmHistory *self = JM_HISTORY (object);

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->group_stack, g_ptr_array_unref);

  G_OBJECT_CLASS (jm_history_parent_class)->finalize (object);
}

static void
jm_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JmHistory *self = JM_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, jm_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, jm_history_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, jm_history_is_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_history_class_init (JmHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jm_history_finalize;
  object_class->get_property = jm_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jm_history_init (JmHistory *self)
{
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_command_free);
  self->group_stack = g_ptr_array_new ();
  self->sealed = TRUE;
}

JmHistory *
jm_history_new (JmDocument *document)
{
  JmHistory *self = g_object_new (JM_TYPE_HISTORY, NULL);

  self->document = document;
  return self;
}

typedef struct {
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
} State;

static State
get_state (JmHistory *self)
{
  return (State) {
    jm_history_can_undo (self),
    jm_history_can_redo (self),
    jm_history_is_modified (self),
  };
}

static void
notify_changes (JmHistory *self,
                State      before)
{
  State after = get_state (self);

  if (after.can_undo != before.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (after.can_redo != before.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (after.modified != before.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static gboolean
can_merge (JmHistory *self,
           JmCommand *top,
           JmCommand *command)
{
  return !self->sealed
      && (top->type == JM_COMMAND_REPLACE || top->type == JM_COMMAND_HEADER)
      && command->type == top->type
      && top->object_type == command->object_type
      && top->merge_key != NULL
      && g_strcmp0 (top->merge_key, command->merge_key) == 0
      && g_strcmp0 (top->id, command->id) == 0
      && command->time - top->time < MERGE_WINDOW_USEC;
}

void
jm_history_push (JmHistory *self,
                 JmCommand *command)
{
  State before;
  JmCommand *top;

  g_return_if_fail (JM_IS_HISTORY (self));
  g_return_if_fail (command != NULL);

  if (self->group_stack->len > 0)
    {
      JmCommand *group = g_ptr_array_index (self->group_stack, self->group_stack->len - 1);
      g_ptr_array_add (group->children, command);
      return;
    }

  before = get_state (self);

  /* A new edit drops whatever could have been redone. */
  if (self->position < self->steps->len)
    {
      if (self->clean > (int) self->position)
        self->clean = -1;
      g_ptr_array_set_size (self->steps, self->position);
    }

  top = self->position > 0 ? g_ptr_array_index (self->steps, self->position - 1) : NULL;

  if (top != NULL && can_merge (self, top, command))
    {
      /* Keep the oldest "before", take the newest "after". */
      if (top->type == JM_COMMAND_HEADER)
        {
          JmHeader swap = top->header_after;

          top->header_after = command->header_after;
          command->header_after = swap;
        }
      else
        {
          jm_object_free (top->object_type, top->after);
          top->after = g_steal_pointer (&command->after);
        }
      top->time = command->time;
      jm_command_free (command);
    }
  else
    {
      g_ptr_array_add (self->steps, command);
      self->position++;
    }

  self->sealed = FALSE;
  notify_changes (self, before);
}

gboolean
jm_history_can_undo (JmHistory *self)
{
  g_return_val_if_fail (JM_IS_HISTORY (self), FALSE);
  return self->position > 0;
}

gboolean
jm_history_can_redo (JmHistory *self)
{
  g_return_val_if_fail (JM_IS_HISTORY (self), FALSE);
  return self->position < self->steps->len;
}

gboolean
jm_history_undo (JmHistory *self)
{
  State before;

  g_return_val_if_fail (JM_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_stack->len == 0, FALSE);

  if (!jm_history_can_undo (self))
    return FALSE;

  before = get_state (self);
  self->position--;
  jm_document_apply_command (self->document, g_ptr_array_index (self->steps, self->position), TRUE);
  self->sealed = TRUE;
  notify_changes (self, before);
  return TRUE;
}

gboolean
jm_history_redo (JmHistory *self)
{
  State before;

  g_return_val_if_fail (JM_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_stack->len == 0, FALSE);

  if (!jm_history_can_redo (self))
    return FALSE;

  before = get_state (self);
  jm_document_apply_command (self->document, g_ptr_array_index (self->steps, self->position), FALSE);
  self->position++;
  self->sealed = TRUE;
  notify_changes (self, before);
  return TRUE;
}

const char *
jm_history_get_undo_label (JmHistory *self)
{
  JmCommand *command;

  g_return_val_if_fail (JM_IS_HISTORY (self), NULL);

  if (!jm_history_can_undo (self))
    return NULL;
  command = g_ptr_array_index (self->steps, self->position - 1);
  return command->label;
}

const char *
jm_history_get_redo_label (JmHistory *self)
{
  JmCommand *command;

  g_return_val_if_fail (JM_IS_HISTORY (self), NULL);

  if (!jm_history_can_redo (self))
    return NULL;
  command = g_ptr_array_index (self->steps, self->position);
  return command->label;
}

void
jm_history_begin_group (JmHistory  *self,
                        const char *label)
{
  JmCommand *group;

  g_return_if_fail (JM_IS_HISTORY (self));

  group = jm_command_new (JM_COMMAND_GROUP, JM_OBJECT_MAP, label);
  g_ptr_array_add (self->group_stack, group);
}

void
jm_history_end_group (JmHistory *self)
{
  JmCommand *group;

  g_return_if_fail (JM_IS_HISTORY (self));
  g_return_if_fail (self->group_stack->len > 0);

  group = g_ptr_array_steal_index (self->group_stack, self->group_stack->len - 1);

  if (group->children->len == 0)
    {
      jm_command_free (group);
      return;
    }

  /* A group of one is just that command, under the group's name. */
  if (group->children->len == 1 && self->group_stack->len == 0)
    {
      JmCommand *only = g_ptr_array_steal_index (group->children, 0);

      g_free (only->label);
      only->label = g_steal_pointer (&group->label);
      jm_command_free (group);
      self->sealed = TRUE;
      jm_history_push (self, only);
      self->sealed = TRUE;
      return;
    }

  self->sealed = TRUE;
  jm_history_push (self, group);
  self->sealed = TRUE;
}

void
jm_history_seal (JmHistory *self)
{
  g_return_if_fail (JM_IS_HISTORY (self));
  self->sealed = TRUE;
}

void
jm_history_set_clean (JmHistory *self)
{
  State before;

  g_return_if_fail (JM_IS_HISTORY (self));

  before = get_state (self);
  self->clean = (int) self->position;
  self->sealed = TRUE;
  notify_changes (self, before);
}

void
jm_history_set_unsaved (JmHistory *self)
{
  State before;

  g_return_if_fail (JM_IS_HISTORY (self));

  before = get_state (self);
  self->clean = -1;
  notify_changes (self, before);
}

gboolean
jm_history_is_modified (JmHistory *self)
{
  g_return_val_if_fail (JM_IS_HISTORY (self), FALSE);
  return self->clean != (int) self->position;
}

void
jm_history_clear (JmHistory *self)
{
  State before;

  g_return_if_fail (JM_IS_HISTORY (self));

  before = get_state (self);
  g_ptr_array_set_size (self->steps, 0);
  self->position = 0;
  self->clean = 0;
  self->sealed = TRUE;
  notify_changes (self, before);
}

guint
jm_history_get_n_steps (JmHistory *self)
{
  g_return_val_if_fail (JM_IS_HISTORY (self), 0);
  return self->steps->len;
}
