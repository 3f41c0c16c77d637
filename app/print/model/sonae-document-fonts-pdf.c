/* sonae-document-fonts-pdf.c: the PDF side of making a file's Japanese
 * font small (sonae-document-fonts.c does the font itself): find each
 * embedded CFF font of the file, shrink it (sonae_cff_shrink) and write
 * the file again with the smaller streams and a new cross-reference
 * table. Whatever it does not recognise is left as cairo wrote it. */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "sonae-document-fonts-private.h"

/* ---- the PDF file -------------------------------------------------------- */

/* @data of @length through @converter: NULL when it fails. */
static GBytes *
convert (GConverter   *converter,
         const guint8 *data,
         gsize         length)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 buffer[64 * 1024];
  gsize read_total = 0;

  for (;;)
    {
      gsize bytes_read = 0, bytes_written = 0;
      GConverterResult result;
      g_autoptr(GError) error = NULL;

      result = g_converter_convert (converter, data + read_total, length - read_total, buffer, sizeof buffer,
                                    G_CONVERTER_INPUT_AT_END, &bytes_read, &bytes_written, &error);
      if (result == G_CONVERTER_ERROR)
        return NULL;
      read_total += bytes_read;
      g_byte_array_append (out, buffer, bytes_written);
      if (result == G_CONVERTER_FINISHED)
        return g_byte_array_free_to_bytes (g_steal_pointer (&out));
      if (bytes_read == 0 && bytes_written == 0)
        return NULL;
    }
}

/* Finds @needle in @data between @from and @to. */
static const guint8 *
find (const guint8 *data,
      gsize         from,
      gsize         to,
      const char   *needle)
{
  gsize n = strlen (needle);

  if (n == 0 || to < from || to - from < n)
    return NULL;
  for (gsize i = from; i + n <= to; i++)
    if (data[i] == (guint8) needle[0] && memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* A decimal number at @p (after spaces), up to @end. */
static gboolean
parse_number (const guint8 *p,
              const guint8 *end,
              guint64      *out,
              const guint8 **after)
{
  guint64 value = 0;
  gboolean any = FALSE;

  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r'))
    p++;
  while (p < end && g_ascii_isdigit (*p))
    {
      if (value > G_MAXUINT64 / 10 - 10)
        return FALSE;
      value = value * 10 + (*p - '0');
      any = TRUE;
      p++;
    }
  *out = value;
  if (after != NULL)
    *after = p;
  return any;
}

typedef struct {
  guint number;
  gsize start, end;     /* in the old file */
  GBytes *replacement;  /* NULL: as it was */
} PdfObject;

static int
compare_objects (gconstpointer a,
                 gconstpointer b)
{
  const PdfObject *oa = a, *ob = b;

  return oa->start < ob->start ? -1 : oa->start > ob->start;
}

static PdfObject *
object_by_number (GArray *objects,
                  guint   number)
{
  for (guint i = 0; i < objects->len; i++)
    if (g_array_index (objects, PdfObject, i).number == number)
      return &g_array_index (objects, PdfObject, i);
  return NULL;
}

/* The objects of the classic cross-reference table that ends the file;
 * FALSE when there is none (cairo writes one). */
static gboolean
read_xref (const guint8 *pdf,
           gsize         length,
           GArray       *objects,
           gsize        *xref_at,
           guint        *size)
{
  const guint8 *startxref = NULL;
  const guint8 *p;
  guint64 at, first, count;

  for (gsize from = length > 64 ? length - 64 : 0; ; )
    {
      const guint8 *hit = find (pdf, from, length, "startxref");

      if (hit == NULL)
        break;
      startxref = hit;
      from = (hit - pdf) + 1;
    }
  if (startxref == NULL || !parse_number (startxref + 9, pdf + length, &at, NULL) || at + 4 > length ||
      memcmp (pdf + at, "xref", 4) != 0)
    return FALSE;
  *xref_at = at;
  if (!parse_number (pdf + at + 4, pdf + length, &first, &p) || first != 0 ||
      !parse_number (p, pdf + length, &count, &p) || count == 0 || count > 1000000)
    return FALSE;
  while (p < pdf + length && (*p == ' ' || *p == '\r' || *p == '\n'))
    p++;
  if (p + count * 20 > pdf + length)
    return FALSE;
  for (guint i = 0; i < count; i++, p += 20)
    {
      PdfObject object = { i, 0, 0, NULL };
      guint64 offset;

      if (p[17] != 'n')
        continue;
      if (!parse_number (p, p + 10, &offset, NULL) || offset >= at)
        return FALSE;
      object.start = offset;
      g_array_append_val (objects, object);
    }
  g_array_sort (objects, compare_objects);
  for (guint i = 0; i < objects->len; i++)
    {
      PdfObject *o = &g_array_index (objects, PdfObject, i);

      o->end = i + 1 < objects->len ? g_array_index (objects, PdfObject, i + 1).start : at;
    }
  *size = (guint) count;
  return TRUE;
}

/* For a CFF font stream object: the new object, with its stream made
 * smaller, and the number of the object that holds its /Length (0 when it
 * is given in the dictionary itself, which cairo does not do). */
static GBytes *
shrink_font_object (const guint8 *pdf,
                    PdfObject    *o,
                    GArray       *objects,
                    guint        *length_object,
                    gsize        *new_length)
{
  const guint8 *dict = find (pdf, o->start, o->end, "<<");
  const guint8 *stream;
  const guint8 *length_key;
  const guint8 *p;
  guint64 length_value, ref;
  PdfObject *length_holder;
  g_autoptr(GZlibDecompressor) inflate = NULL;
  g_autoptr(GZlibCompressor) deflate = NULL;
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(GBytes) smaller = NULL;
  g_autoptr(GBytes) packed = NULL;
  GByteArray *out;
  gsize data_start;

  stream = find (pdf, o->start, o->end, "stream");
  if (dict == NULL || stream == NULL || stream < dict)
    return NULL;
  if (find (pdf, dict - pdf, stream - pdf, "/Subtype /CIDFontType0C") == NULL &&
      find (pdf, dict - pdf, stream - pdf, "/Subtype /Type1C") == NULL)
    return NULL;
  if (find (pdf, dict - pdf, stream - pdf, "/Filter /FlateDecode") == NULL ||
      (length_key = find (pdf, dict - pdf, stream - pdf, "/Length")) == NULL)
    return NULL;
  /* "/Length 15 0 R": the length lives in object 15. */
  if (!parse_number (length_key + 7, stream, &ref, &p) || !parse_number (p, stream, &length_value, &p) ||
      length_value != 0)
    return NULL;
  while (p < stream && *p == ' ')
    p++;
  if (p >= stream || *p != 'R' || (length_holder = object_by_number (objects, (guint) ref)) == NULL)
    return NULL;
  {
    const guint8 *obj = find (pdf, length_holder->start, length_holder->end, "obj");

    if (obj == NULL || !parse_number (obj + 3, pdf + length_holder->end, &length_value, NULL))
      return NULL;
  }
  data_start = (stream - pdf) + 6;
  if (data_start < o->end && pdf[data_start] == '\r')
    data_start++;
  if (data_start >= o->end || pdf[data_start] != '\n')
    return NULL;
  data_start++;
  if (length_value > o->end - data_start)
    return NULL;

  inflate = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  raw = convert (G_CONVERTER (inflate), pdf + data_start, length_value);
  if (raw == NULL)
    return NULL;
  smaller = sonae_cff_shrink (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw));
  if (smaller == NULL)
    return NULL;
  deflate = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  packed = convert (G_CONVERTER (deflate), g_bytes_get_data (smaller, NULL), g_bytes_get_size (smaller));
  if (packed == NULL)
    return NULL;

  out = g_byte_array_new ();
  g_byte_array_append (out, pdf + o->start, data_start - o->start);
  g_byte_array_append (out, g_bytes_get_data (packed, NULL), g_bytes_get_size (packed));
  g_byte_array_append (out, (const guint8 *) "\nendstream\nendobj\n", 18);
  *length_object = (guint) ref;
  *new_length = g_bytes_get_size (packed);
  return g_byte_array_free_to_bytes (out);
}

GBytes *
sonae_pdf_shrink_fonts (const guint8 *pdf,
                        gsize         length)
{
  g_autoptr(GArray) objects = g_array_new (FALSE, FALSE, sizeof (PdfObject));
  g_autoptr(GByteArray) out = NULL;
  g_autoptr(GString) xref = NULL;
  gsize xref_at, trailer_at;
  gsize *offsets;
  guint size;
  gboolean changed = FALSE;
  const guint8 *trailer, *startxref;

  g_return_val_if_fail (pdf != NULL || length == 0, NULL);

  if (length < 16 || memcmp (pdf, "%PDF-", 5) != 0 || !read_xref (pdf, length, objects, &xref_at, &size))
    return NULL;
  trailer = find (pdf, xref_at, length, "trailer");
  startxref = trailer ? find (pdf, trailer - pdf, length, "startxref") : NULL;
  if (trailer == NULL || startxref == NULL || objects->len == 0)
    return NULL;
  trailer_at = trailer - pdf;

  for (guint i = 0; i < objects->len; i++)
    {
      PdfObject *o = &g_array_index (objects, PdfObject, i);
      guint length_object = 0;
      gsize new_length = 0;
      GBytes *replacement = shrink_font_object (pdf, o, objects, &length_object, &new_length);
      PdfObject *holder;

      if (replacement == NULL)
        continue;
      holder = object_by_number (objects, length_object);
      if (holder == NULL || holder->replacement != NULL)
        {
          g_bytes_unref (replacement);
          continue;
        }
      o = &g_array_index (objects, PdfObject, i);
      g_clear_pointer (&o->replacement, g_bytes_unref);
      o->replacement = replacement;
      {
        g_autofree char *text = g_strdup_printf ("%u 0 obj\n   %" G_GSIZE_FORMAT "\nendobj\n", length_object, new_length);

        holder->replacement = g_bytes_new (text, strlen (text));
      }
      changed = TRUE;
    }
  if (!changed)
    {
      for (guint i = 0; i < objects->len; i++)
        g_clear_pointer (&g_array_index (objects, PdfObject, i).replacement, g_bytes_unref);
      return NULL;
    }

  /* The file again, object after object, then a cross-reference table of
   * their new places and the trailer as it was. */
  out = g_byte_array_sized_new (length);
  offsets = g_new0 (gsize, size);
  g_byte_array_append (out, pdf, g_array_index (objects, PdfObject, 0).start);
  for (guint i = 0; i < objects->len; i++)
    {
      PdfObject *o = &g_array_index (objects, PdfObject, i);

      if (o->number < size)
        offsets[o->number] = out->len;
      if (o->replacement != NULL)
        {
          g_byte_array_append (out, g_bytes_get_data (o->replacement, NULL), g_bytes_get_size (o->replacement));
          g_clear_pointer (&o->replacement, g_bytes_unref);
        }
      else
        g_byte_array_append (out, pdf + o->start, o->end - o->start);
    }
  xref = g_string_new (NULL);
  g_string_append_printf (xref, "xref\n0 %u\n", size);
  for (guint i = 0; i < size; i++)
    {
      if (offsets[i] == 0)
        g_string_append (xref, "0000000000 65535 f \n");
      else
        g_string_append_printf (xref, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
    }
  g_free (offsets);
  {
    gsize new_xref_at = out->len;
    g_autofree char *end = NULL;

    g_byte_array_append (out, (const guint8 *) xref->str, xref->len);
    g_byte_array_append (out, pdf + trailer_at, (startxref - pdf) - trailer_at);
    end = g_strdup_printf ("startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", new_xref_at);
    g_byte_array_append (out, (const guint8 *) end, strlen (end));
  }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
