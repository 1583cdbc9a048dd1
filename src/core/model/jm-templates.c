/* jm-templates.c — the built-in templates, with translatable names. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jm-i18n.h"
#include "jm-templates.h"

typedef struct {
  const char *id;
  const char *name;
  const char *description;
} TemplateInfo;

static const TemplateInfo templates[] = {
  { "customer-experience", N_("Customer experience (5 stages)"),
    N_("Awareness, consideration, purchase, retention and advocacy, with the usual lanes") },
  { "service-blueprint", N_("Service blueprint"),
    N_("Customer actions, frontstage, backstage, support processes and evidence") },
  { "blank", N_("Blank"),
    N_("One stage, one step and one lane to start from") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (templates) == JM_N_TEMPLATES);

const char *
jm_template_to_string (JmTemplate template_)
{
  g_return_val_if_fail (template_ < JM_N_TEMPLATES, NULL);
  return templates[template_].id;
}

gboolean
jm_template_from_string (const char *str,
                         JmTemplate *out)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (templates); i++)
    {
      if (strcmp (templates[i].id, str) == 0)
        {
          *out = (JmTemplate) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
jm_template_get_name (JmTemplate template_)
{
  g_return_val_if_fail (template_ < JM_N_TEMPLATES, NULL);
  return _(templates[template_].name);
}

const char *
jm_template_get_description (JmTemplate template_)
{
  g_return_val_if_fail (template_ < JM_N_TEMPLATES, NULL);
  return _(templates[template_].description);
}

typedef struct {
  const char *name;
  const char *steps[3];
} StageSpec;

typedef struct {
  JmLaneKind  kind;
  const char *title;
} LaneSpec;

static void
add_stages (JmDocument      *doc,
            const StageSpec *specs,
            guint            n)
{
  guint step_number = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("stage-%u", i + 1);
      JmStage *stage = jm_stage_new (id, _(specs[i].name));

      for (guint j = 0; j < G_N_ELEMENTS (specs[i].steps) && specs[i].steps[j]; j++)
        {
          g_autofree char *step_id = g_strdup_printf ("step-%u", ++step_number);
          g_ptr_array_add (stage->steps, jm_step_new (step_id, _(specs[i].steps[j])));
        }
      jm_document_build_stage (doc, stage);
    }
}

static void
add_lanes (JmDocument     *doc,
           const LaneSpec *specs,
           guint           n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("lane-%u", i + 1);
      jm_document_build_lane (doc, jm_lane_new (id, specs[i].kind, _(specs[i].title)));
    }
}

static void
add_persona (JmDocument *doc)
{
  JmPersona *persona = jm_persona_new ("persona-1", _("Main persona"));

  jm_document_build_persona (doc, persona);
}

JmDocument *
jm_template_create (JmTemplate template_)
{
  JmDocument *doc;

  g_return_val_if_fail (template_ < JM_N_TEMPLATES, NULL);

  doc = jm_document_new ();
  jm_document_build_header (doc, _("Untitled journey map"), NULL, NULL, JM_MAP_STATE_CURRENT);
  {
    /* A new map speaks the language it was made in, wherever it is opened. */
    g_autofree char *language = jm_i18n_interface_language ();

    jm_document_build_language (doc, language);
  }
  add_persona (doc);

  switch (template_)
    {
    case JM_TEMPLATE_CUSTOMER_EXPERIENCE:
      {
        static const StageSpec stages[] = {
          { N_("Awareness"), { N_("Notices the brand"), N_("Gets curious") } },
          { N_("Consideration"), { N_("Compares options"), N_("Asks others") } },
          { N_("Purchase"), { N_("Decides"), N_("Buys") } },
          { N_("Retention"), { N_("Uses it"), N_("Gets support") } },
          { N_("Advocacy"), { N_("Recommends"), N_("Comes back") } },
        };
        static const LaneSpec lanes[] = {
          { JM_LANE_TEXT, N_("Customer actions") },
          { JM_LANE_TOUCHPOINTS, N_("Touchpoints") },
          { JM_LANE_TEXT, N_("Thoughts") },
          { JM_LANE_EMOTIONS, N_("Emotions") },
          { JM_LANE_PAIN_POINTS, N_("Pain points") },
          { JM_LANE_OPPORTUNITIES, N_("Opportunities") },
          { JM_LANE_METRICS, N_("Metrics") },
        };
        add_stages (doc, stages, G_N_ELEMENTS (stages));
        add_lanes (doc, lanes, G_N_ELEMENTS (lanes));
        break;
      }

    case JM_TEMPLATE_SERVICE_BLUEPRINT:
      {
        static const StageSpec stages[] = {
          { N_("Before"), { N_("Finds the service"), N_("Books") } },
          { N_("During"), { N_("Arrives"), N_("Is served") } },
          { N_("After"), { N_("Pays"), N_("Follows up") } },
        };
        static const LaneSpec lanes[] = {
          { JM_LANE_IMAGES, N_("Evidence") },
          { JM_LANE_TEXT, N_("Customer actions") },
          { JM_LANE_TOUCHPOINTS, N_("Frontstage") },
          { JM_LANE_BACKSTAGE, N_("Backstage") },
          { JM_LANE_BACKSTAGE, N_("Support processes") },
        };
        add_stages (doc, stages, G_N_ELEMENTS (stages));
        add_lanes (doc, lanes, G_N_ELEMENTS (lanes));
        break;
      }

    case JM_TEMPLATE_BLANK:
    case JM_N_TEMPLATES:
    default:
      {
        static const StageSpec stages[] = {
          { N_("Stage 1"), { N_("Step 1") } },
        };
        static const LaneSpec lanes[] = {
          { JM_LANE_TEXT, N_("Customer actions") },
        };
        add_stages (doc, stages, G_N_ELEMENTS (stages));
        add_lanes (doc, lanes, G_N_ELEMENTS (lanes));
        break;
      }
    }

  return doc;
}
