/* jm-xml-out.c — see jm-xml-out.h. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jm-xml-out.h"

void
jm_xml_out_begin (JmXmlOut *out,
                  gboolean  declaration,
                  gboolean  standalone)
{
  out->buffer = xmlBufferCreate ();
  out->writer = xmlNewTextWriterMemory (out->buffer, 0);
  g_assert (out->writer != NULL);
  if (declaration)
    xmlTextWriterStartDocument (out->writer, NULL, "UTF-8", standalone ? "yes" : NULL);
}

char *
jm_xml_out_end (JmXmlOut *out)
{
  char *text;

  xmlTextWriterEndDocument (out->writer);
  xmlFreeTextWriter (out->writer);
  text = g_strdup ((const char *) xmlBufferContent (out->buffer));
  xmlBufferFree (out->buffer);
  out->writer = NULL;
  out->buffer = NULL;
  return text;
}

void
jm_xml_start (JmXmlOut   *out,
              const char *name)
{
  xmlTextWriterStartElement (out->writer, BAD_CAST name);
}

void
jm_xml_end (JmXmlOut *out)
{
  xmlTextWriterEndElement (out->writer);
}

void
jm_xml_attr (JmXmlOut   *out,
             const char *name,
             const char *value)
{
  xmlTextWriterWriteAttribute (out->writer, BAD_CAST name, BAD_CAST (value ? value : ""));
}

void
jm_xml_attr_int (JmXmlOut   *out,
                 const char *name,
                 gint64      value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  jm_xml_attr (out, name, buf);
}

char *
jm_xml_format_number (char  *buf,
                      gsize  size,
                      double value)
{
  char *end;

  if (fabs (value) < 0.0005)
    value = 0;
  g_ascii_formatd (buf, (int) size, "%.3f", value);
  end = buf + strlen (buf);
  while (end > buf && end[-1] == '0')
    *--end = '\0';
  if (end > buf && end[-1] == '.')
    *--end = '\0';
  return buf;
}

void
jm_xml_attr_length (JmXmlOut   *out,
                    const char *name,
                    double      value,
                    const char *unit)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *text = g_strconcat (jm_xml_format_number (number, sizeof number, value), unit, NULL);

  jm_xml_attr (out, name, text);
}

char *
jm_xml_format_color (char    *buf,
                     JmColor  color,
                     gboolean upper)
{
  guint r = (guint) CLAMP (round (color.r * 255), 0, 255);
  guint g = (guint) CLAMP (round (color.g * 255), 0, 255);
  guint b = (guint) CLAMP (round (color.b * 255), 0, 255);

  g_snprintf (buf, 7, upper ? "%02X%02X%02X" : "%02x%02x%02x", r, g, b);
  return buf;
}

void
jm_xml_attr_color (JmXmlOut   *out,
                   const char *name,
                   JmColor     color,
                   gboolean    hash)
{
  char buf[8];
  g_autofree char *text = NULL;

  jm_xml_format_color (buf, color, !hash);
  text = hash ? g_strconcat ("#", buf, NULL) : g_strdup (buf);
  jm_xml_attr (out, name, text);
}

void
jm_xml_text (JmXmlOut   *out,
             const char *text)
{
  xmlTextWriterWriteString (out->writer, BAD_CAST (text ? text : ""));
}

void
jm_xml_raw (JmXmlOut   *out,
            const char *xml)
{
  xmlTextWriterWriteRaw (out->writer, BAD_CAST xml);
}

void
jm_xml_element (JmXmlOut   *out,
                const char *name,
                const char *text)
{
  jm_xml_start (out, name);
  jm_xml_text (out, text);
  jm_xml_end (out);
}
