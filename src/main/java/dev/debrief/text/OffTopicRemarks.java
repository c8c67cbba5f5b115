package dev.debrief.text;

import java.util.regex.Pattern;

/**
 * The {@link Chatter} kinds one pattern recognises: remarks to the reader ("take it or leave it"),
 * remarks about the write-up itself ("these are raw notes"), thanks, emoticons and interjections,
 * the author's logistics (coffee, flights, hotel; chatter only with a first person, or when a
 * sentence's content words are all logistics) and a verdict on a talk opening the sentence.
 */
final class OffTopicRemarks {
  private OffTopicRemarks() {}

  static final Pattern READER =
      Pattern.compile(
          "(?i)\\b(?:take it or leave it|drop me (?:a|an)\\b|"
              + "leave (?:me )?a comment|let me know|stay tuned|see you (?:next|there|at|in)|thanks? (?:you )?for reading|"
              + "feel free to|hope you (?:enjoy|like|find)|if you(?:['’]re| are) (?:looking|interested|wondering|curious)|"
              + "don['’]t forget|subscribe to|follow me|you can find me|ping me|hit me up|your (?:personal )?favou?rite|"
              + "if you (?:want|wish|would like|['’]d like) to|you should (?:listen|watch|read|check|go|see|try)|"
              + "make sure (?:you|to) (?:check|watch|read|see|listen)|if you['’]?(?:re| are) (?:reading|interes+ted)|"
              + "if you haven['’]t (?:already|yet)|you can also (?:read|watch|see|find|check)|"
              + "(?:be sure|make sure|remember) to check (?:it|them|this|that) out)\\b");
  static final Pattern WRITE_UP =
      Pattern.compile(
          "(?i)\\b(?:(?:this|my|these|the following|this little) "
              + "(?:blog ?post|post|write-?up|recap|article|report|notes|piece|entry|series)|piece of art|"
              + "(?:raw|disorganized|disorganised|loose|rough|scattered|messy|quick) notes|trip reports?|"
              + "open[- ]sourcing my|as promised|in this post|(?:will|to) (?:insert|add|update) (?:the )?(?:name|link|later))\\b");
  static final Pattern THANKS =
      Pattern.compile(
          "(?i)^(?:thanks|thank you|many thanks|kudos|shout-?outs?|"
              + "congrat\\w*|cheers|hats off)\\b");
  static final Pattern EMOTICON =
      Pattern.compile(
          "(?:^|\\s)(?:[:;=8][-']?[)(DPpOo/\\\\|\\]\\[]|<3|\\^_?\\^|xD)"
              + "(?=\\s|$|[.,!])|(?i)\\b(?:lol|lmao|rofl|yay|haha\\w*|omg|wtf|meh|ugh|woo+|yikes|phew|whoa|eh|yass+|ftw|oh|ah|hmm+|oops|wow|blah)\\b"
              + "|[\\x{1F300}-\\x{1FAFF}\\x{2600}-\\x{27BF}]");
  static final Pattern LOGISTICS =
      Pattern.compile(
          "(?i)\\b(?:breakfast|lunch|dinner|coffee|caffeine|hotel|"
              + "flights?|plane|airport|train station|taxi|lyft|uber ride|slept|sleep|sleeping|tired|jet ?lag\\w*|hungover|"
              + "hangover|beers?|drinks|bagel|snacks?|swag|t-?shirts?|stickers|wifi|wi-fi|badge|seat|queue for|part(?:y|ies)|"
              + "bar|dj|dance|dancing|shower|bed|nap|jet-lagged|luggage|suitcase|parking|bus|cappuccino|espresso|latte|pizza|"
              + "food|foyer|through security|tsa|flying|flew|layovers?|boarding pass|red-?eye)\\b");

  /** A verdict on a talk opening the sentence: "Very cool talk, …", "Great session:". */
  static final Pattern VERDICT_OPENING =
      Pattern.compile(
          "(?i)^(?:(?:very|really|super|pretty|quite) )?(?:cool|"
              + "great|nice|good|awesome|amazing|excellent|fun|interesting|solid|fantastic|brilliant|boring|disappointing) "
              + "(?:talk|session|keynote|presentation|panel|demo|workshop)\\b");
}
