<?php
// Reads a WXR file the way WordPress's importer plugin reads it (its WXR_Parser_SimpleXML: DOMDocument
// without a DOCTYPE, then SimpleXML by namespace) and prints, as JSON, what that importer would
// bring in: authors, posts per type and status, comments (with a parent, and with a parent that is
// not in the same post), categories, tags, the terms on items, and every problem it would meet.
// Needs PHP with the dom and SimpleXML extensions (Debian: apt-get install php-xml).
// Usage: php docs/wordpress/wxr-check.php export.xml
if ($argc !== 2) { fwrite(STDERR, "Gebruik: php wxr-check.php EXPORT.xml\n"); exit(2); }

$problems = [];
libxml_use_internal_errors(true);
$dom = new DOMDocument();
if (!$dom->loadXML(file_get_contents($argv[1])) || isset($dom->doctype)) {
  $errors = array_map(fn($e) => trim($e->message) . " (regel {$e->line})", libxml_get_errors());
  echo json_encode(['ok' => false, 'problems' => array_merge(['geen geldige XML of met DOCTYPE'], $errors)], JSON_PRETTY_PRINT), "\n";
  exit(1);
}
$xml = simplexml_import_dom($dom);
$version = $xml->xpath('/rss/channel/wp:wxr_version');
if (!$version || !preg_match('/^\d+\.\d+$/', trim((string) $version[0]))) $problems[] = 'wp:wxr_version ontbreekt of is ongeldig';
$ns = $xml->getDocNamespaces();
foreach (['wp' => 'http://wordpress.org/export/1.1/', 'excerpt' => 'http://wordpress.org/export/1.1/excerpt/'] as $prefix => $fallback)
  if (!isset($ns[$prefix])) { $ns[$prefix] = $fallback; $problems[] = "namespace $prefix ontbreekt"; }
foreach (['content' => 'http://purl.org/rss/1.0/modules/content/', 'dc' => 'http://purl.org/dc/elements/1.1/'] as $prefix => $uri)
  if (($ns[$prefix] ?? null) !== $uri) $problems[] = "namespace $prefix is niet $uri";

$authors = [];
foreach ($xml->xpath('/rss/channel/wp:author') as $node) {
  $a = $node->children($ns['wp']);
  $login = (string) $a->author_login;
  if ($login === '') $problems[] = 'auteur zonder author_login';
  if (isset($authors[$login])) $problems[] = "auteur $login twee keer";
  $authors[$login] = true;
}
$categories = [];
foreach ($xml->xpath('/rss/channel/wp:category') as $node) {
  $t = $node->children($ns['wp']);
  $slug = (string) $t->category_nicename;
  if ($slug === '' || (string) $t->cat_name === '') $problems[] = 'categorie zonder nicename of naam';
  $categories[$slug] = true;
}
$tags = [];
foreach ($xml->xpath('/rss/channel/wp:tag') as $node) {
  $t = $node->children($ns['wp']);
  $slug = (string) $t->tag_slug;
  if ($slug === '' || (string) $t->tag_name === '') $problems[] = 'tag zonder slug of naam';
  $tags[$slug] = true;
}

$posts = []; $comments = 0; $withParent = 0; $orphans = 0; $itemTerms = []; $postIds = []; $pageParents = [];
foreach ($xml->channel->item as $item) {
  $wp = $item->children($ns['wp']);
  $id = (int) $wp->post_id;
  if ($id <= 0) $problems[] = "item zonder post_id: " . (string) $item->title;
  if (isset($postIds[$id])) $problems[] = "post_id $id twee keer";
  $postIds[$id] = true;
  $key = (string) $wp->post_type . '/' . (string) $wp->status;
  $posts[$key] = ($posts[$key] ?? 0) + 1;
  // The importer puts a page under its post_parent once every item is in (backfill_parents).
  if ((int) $wp->post_parent > 0) $pageParents[$id] = (int) $wp->post_parent;
  $creator = (string) $item->children('http://purl.org/dc/elements/1.1/')->creator;
  if ($creator !== '' && !isset($authors[$creator])) $problems[] = "bericht $id: dc:creator $creator is geen wp:author";
  if ((string) $item->children('http://purl.org/rss/1.0/modules/content/')->encoded === '' && (string) $wp->post_type === 'post')
    $problems[] = "bericht $id: content:encoded is leeg";
  foreach ($item->category as $c) {
    $att = $c->attributes();
    if (!isset($att['nicename'])) { $problems[] = "bericht $id: category zonder nicename (de importer slaat hem over)"; continue; }
    $domain = (string) $att['domain'];
    $itemTerms[$domain] = ($itemTerms[$domain] ?? 0) + 1;
    $slug = (string) $att['nicename'];
    if ($domain === 'category' && !isset($categories[$slug])) $problems[] = "bericht $id: categorie $slug niet in de lijst";
    if ($domain === 'post_tag' && !isset($tags[$slug])) $problems[] = "bericht $id: tag $slug niet in de lijst";
  }
  $ids = [];
  foreach ($wp->comment as $comment) $ids[(string) $comment->comment_id] = true;
  foreach ($wp->comment as $comment) {
    $comments++;
    if ((int) $comment->comment_id <= 0) $problems[] = "bericht $id: reactie zonder comment_id";
    if (!in_array((string) $comment->comment_approved, ['0', '1', 'spam', 'trash'], true))
      $problems[] = "bericht $id: comment_approved " . (string) $comment->comment_approved;
    $parent = (string) $comment->comment_parent;
    if ($parent !== '' && $parent !== '0') {
      $withParent++;
      if (!isset($ids[$parent])) $orphans++;
      // The importer inserts a post's comments sorted by comment_id and links a reply only to a
      // parent inserted before it: a parent with a higher id would leave the reply pointing nowhere.
      elseif ((int) $parent > (int) $comment->comment_id) $problems[] = "bericht $id: reactie {$comment->comment_id} heeft een ouder met een hoger id ($parent)";
    }
  }
}
foreach ($pageParents as $id => $parent)
  if (!isset($postIds[$parent])) $problems[] = "bericht $id: post_parent $parent is geen item in het bestand";
ksort($posts); ksort($itemTerms);
echo json_encode([
  'ok' => count($problems) === 0,
  'version' => trim((string) ($version[0] ?? '')),
  'authors' => count($authors),
  'categories' => count($categories),
  'tags' => count($tags),
  'posts' => $posts,
  'items_with_parent' => count($pageParents),
  'comments' => $comments,
  'comments_with_parent' => $withParent,
  'comments_with_parent_elsewhere' => $orphans,
  'item_terms' => $itemTerms,
  'problems' => $problems,
], JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), "\n";
exit(count($problems) === 0 ? 0 : 1);
