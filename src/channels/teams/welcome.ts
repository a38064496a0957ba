/**
 * What Signpost says when it is added to a chat or a team: what it is for,
 * how to ask, and that it signposts and never gives clinical advice.
 */
export function welcomeText(personal: boolean): string {
  const how = personal
    ? 'Tell me who you are supporting and where they live, for example "lonely widower in Loughborough", and I will suggest local services.'
    : 'Mention me (@Signpost) with who you are supporting and where they live, for example "lonely widower in Loughborough", and I will suggest local services. Referral details are always sent to you privately.';
  return [
    "Hello, I'm Signpost, the directory of the prevention offer in Leicester, Leicestershire and Rutland.",
    how,
    'Say "help" for more, "refer" to refer someone to First Contact Plus, or "my referrals" to see yours.',
    "I signpost only and never give clinical advice. In an emergency call 999.",
  ].join("\n");
}
