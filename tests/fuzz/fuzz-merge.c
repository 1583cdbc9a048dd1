/* fuzz-merge.c — libFuzzer target for the three-way merge: the input is
 * up to three maps, BASE, OURS and THEIRS, separated by lines "--8<--".
 * Whatever they are, the merge either refuses a map that cannot be read
 * (with a reason) or gives a map that writes out and reads back as valid,
 * and merging the other way round finds as many conflicts; resolving its
 * conflicts keeps it valid, and undoing that gives it back. A side that is
 * missing or unreadable is made from base by edits the bytes choose, so
 * that most inputs reach the merge with real differences. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "jm-merge.h"
#include "jm-reader.h"
#include "jm-writer.h"

#define SEPARATOR "\n--8<--\n"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

typedef struct {
  guint64 state;
} Rng;

static guint
next (Rng   *rng,
      guint  n)
{
  /* xorshift64: the same bytes, the same edits. */
  rng->state ^= rng->state << 13;
  rng->state ^= rng->state >> 7;
  rng->state ^= rng->state << 17;
  return n > 0 ? (guint) (rng->state % n) : 0;
}

static JmCard *
any_card (JmDocument *doc,
          Rng        *rng,
          JmLane    **lane_out)
{
  GPtrArray *lanes = jm_document_get_lanes (doc);
  JmLane *lane;

  if (lanes->len == 0)
    return NULL;
  lane = g_ptr_array_index (lanes, next (rng, lanes->len));
  if (lane->cards->len == 0)
    return NULL;
  if (lane_out)
    *lane_out = lane;
  return g_ptr_array_index (lane->cards, next (rng, lane->cards->len));
}

static JmStep *
any_step (JmDocument *doc,
          Rng        *rng)
{
  return jm_document_get_step (doc, next (rng, jm_document_get_n_steps (doc)));
}

/* Whether a card covers more than one step. */
static gboolean
has_wide_cards (JmDocument *doc)
{
  GPtrArray *lanes = jm_document_get_lanes (doc);

  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      for (guint c = 0; c < lane->cards->len; c++)
        if (((JmCard *) g_ptr_array_index (lane->cards, c))->span > 1)
          return TRUE;
    }
  return FALSE;
}

/* A handful of the edits people make, through the document's commands. */
static void
edit (JmDocument *doc,
      Rng        *rng)
{
  guint n = 1 + next (rng, 6);

  for (guint i = 0; i < n; i++)
    {
      GPtrArray *stages = jm_document_get_stages (doc);
      GPtrArray *lanes = jm_document_get_lanes (doc);
      GPtrArray *personas = jm_document_get_personas (doc);
      JmLane *lane = NULL;
      JmCard *card = any_card (doc, rng, &lane);
      JmStep *step = any_step (doc, rng);
      static const char *texts[] = { "A", "B", "Asks a friend", "", "Pays\nby card" };

      switch (next (rng, 14))
        {
        case 0:
          if (card)
            jm_document_set_card_text (doc, card->id, texts[next (rng, G_N_ELEMENTS (texts))]);
          break;
        case 1:
          if (card && lanes->len > 0)
            {
              /* As the canvas does: a wide card stays inside the map. */
              guint n_steps = jm_document_get_n_steps (doc);
              guint column = next (rng, n_steps - MIN (card->span, n_steps) + 1);
              JmLane *to = g_ptr_array_index (lanes, next (rng, lanes->len));

              jm_document_move_card (doc, card->id, to->id, jm_document_get_step (doc, column)->id,
                                     (int) next (rng, 4) - 1);
            }
          break;
        case 2:
          if (card)
            jm_document_remove_card (doc, card->id);
          break;
        case 3:
          if (lanes->len > 0 && step)
            {
              g_autofree char *id = jm_document_make_id (doc, "card");
              JmLane *to = g_ptr_array_index (lanes, next (rng, lanes->len));

              jm_document_insert_card (doc, to->id, (int) next (rng, 3) - 1,
                                       jm_card_new (id, step->id, texts[next (rng, G_N_ELEMENTS (texts))]));
            }
          break;
        case 4:
          if (card)
            {
              JmCard *copy = jm_card_copy (card);
              int column = jm_document_get_step_column (doc, copy->step_id);

              copy->severity = (JmSeverity) next (rng, JM_N_SEVERITIES);
              copy->channel = (JmChannel) next (rng, JM_N_CHANNELS);
              copy->span = 1 + next (rng, jm_document_get_n_steps (doc) - (guint) column);
              jm_document_update_card (doc, copy, NULL);
            }
          break;
        case 5:
          if (step)
            jm_document_rename_step (doc, step->id, texts[next (rng, G_N_ELEMENTS (texts))]);
          break;
        case 6:
          if (step)
            jm_document_remove_step (doc, step->id);
          break;
        case 7:
          /* Moving a stage does not shorten a wide card that then runs past
           * the last step (the canvas does not move stages under them). */
          if (stages->len > 0 && !has_wide_cards (doc))
            jm_document_move_stage (doc, ((JmStage *) g_ptr_array_index (stages, next (rng, stages->len)))->id,
                                    next (rng, stages->len));
          break;
        case 8:
          if (stages->len > 1)
            jm_document_remove_stage (doc, ((JmStage *) g_ptr_array_index (stages, next (rng, stages->len)))->id);
          break;
        case 9:
          if (lanes->len > 0)
            jm_document_move_lane (doc, ((JmLane *) g_ptr_array_index (lanes, next (rng, lanes->len)))->id,
                                   next (rng, lanes->len));
          break;
        case 10:
          if (lanes->len > 0)
            jm_document_remove_lane (doc, ((JmLane *) g_ptr_array_index (lanes, next (rng, lanes->len)))->id);
          break;
        case 11:
          if (personas->len > 0 && step)
            {
              JmPersona *persona = g_ptr_array_index (personas, next (rng, personas->len));
              double score = next (rng, 3) == 0 ? NAN : (double) next (rng, 5) - 2;

              jm_document_set_emotion (doc, persona->id, step->id, (JmMapState) next (rng, 2), score);
            }
          break;
        case 12:
          if (personas->len > 0)
            {
              JmPersona *persona = jm_persona_copy (g_ptr_array_index (personas, next (rng, personas->len)));

              jm_set_str (&persona->occupation, texts[next (rng, G_N_ELEMENTS (texts))]);
              g_strfreev (persona->goals);
              persona->goals = g_strsplit (texts[next (rng, G_N_ELEMENTS (texts))], "\n", -1);
              jm_document_update_persona (doc, persona, NULL);
            }
          break;
        case 13:
        default:
          jm_document_set_title (doc, texts[next (rng, G_N_ELEMENTS (texts))]);
          break;
        }
    }
}

static JmDocument *
load (const char *name,
      const char *data,
      gsize       len)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  JmDocument *doc;

  if (data == NULL)
    return NULL;
  doc = jm_reader_load_bytes (name, data, len, &problems, &error);
  /* A refusal always says why. */
  g_assert (doc != NULL || (error != NULL && problems != NULL && problems->len > 0));
  return doc;
}

/* A copy of base with edits: written out and read back, as git would
 * hand the driver a file. */
static JmDocument *
derive (JmDocument *base,
        Rng        *rng)
{
  gsize len;
  g_autofree char *xml = jm_writer_to_string (base, &len);
  JmDocument *copy = jm_reader_load_bytes ("derived.journey", xml, len, NULL, NULL);

  g_assert (copy != NULL);
  edit (copy, rng);
  return copy;
}

static void
check_valid (JmDocument *merged)
{
  gsize len;
  g_autofree char *xml = jm_writer_to_string (merged, &len);
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) again = jm_reader_load_bytes ("merged.journey", xml, len, NULL, &error);

  if (again == NULL)
    {
      g_printerr ("the merged map does not read back: %s\n%s\n", error->message, xml);
      g_assert_not_reached ();
    }
}

/* Resolves every conflict to a side the bytes choose (or drops one whose
 * value no longer fits), checks the map is valid, then undoes it all and
 * checks the map is as the merge left it. */
static void
resolve_all (JmDocument *merged,
             Rng        *rng)
{
  JmHistory *history = jm_document_get_history (merged);
  GPtrArray *conflicts = jm_document_get_conflicts (merged);
  g_autofree char *before = jm_writer_to_string (merged, NULL);
  g_autofree char *after = NULL;

  while (conflicts->len > 0)
    {
      const JmConflict *conflict = g_ptr_array_index (conflicts, 0);
      g_autofree char *key = g_strdup (conflict->key);
      JmConflictChoice choice = next (rng, 2) == 0 ? JM_CONFLICT_CHOOSE_OURS : JM_CONFLICT_CHOOSE_THEIRS;

      if (!jm_document_resolve_conflict (merged, key, choice, NULL, NULL))
        jm_document_remove_conflict (merged, key);
      g_assert (jm_document_find_conflict (merged, key) == NULL);
    }
  check_valid (merged);

  while (jm_history_undo (history))
    ;
  after = jm_writer_to_string (merged, NULL);
  g_assert_cmpstr (before, ==, after);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *parts[3] = { NULL, NULL, NULL };
  gsize lens[3] = { 0, 0, 0 };
  const char *p = (const char *) data;
  const char *end = p + size;
  g_autoptr(JmDocument) base = NULL;
  g_autoptr(JmDocument) ours = NULL;
  g_autoptr(JmDocument) theirs = NULL;
  g_autoptr(JmDocument) merged = NULL;
  g_autoptr(JmDocument) swapped = NULL;
  guint n_ab = 0, n_ba = 0;
  Rng rng = { 0x9e3779b97f4a7c15ull };

  for (guint i = 0; i < 3 && p <= end; i++)
    {
      const char *sep = i < 2 ? g_strstr_len (p, end - p, SEPARATOR) : NULL;

      parts[i] = p;
      lens[i] = sep ? (gsize) (sep - p) : (gsize) (end - p);
      p = sep ? sep + strlen (SEPARATOR) : end + 1;
    }
  for (size_t i = 0; i < size; i++)
    rng.state = (rng.state ^ data[i]) * 0x100000001b3ull;
  if (rng.state == 0)
    rng.state = 1;

  base = load ("base.journey", parts[0], lens[0]);
  ours = load ("ours.journey", parts[1], lens[1]);
  theirs = load ("theirs.journey", parts[2], lens[2]);
  if (base == NULL && (ours == NULL || theirs == NULL))
    return 0;
  if (ours == NULL)
    ours = derive (base, &rng);
  if (theirs == NULL)
    theirs = derive (base, &rng);

  merged = jm_merge (base, ours, theirs, &n_ab);
  check_valid (merged);
  swapped = jm_merge (base, theirs, ours, &n_ba);
  check_valid (swapped);
  g_assert_cmpuint (n_ab, ==, n_ba);
  resolve_all (merged, &rng);
  return 0;
}
