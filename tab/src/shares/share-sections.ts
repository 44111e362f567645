// The bodies of the shares' sections, as one chunk loaded after a page's first view. One chunk
// rather than three: each lazy entry that shares Fluent's parts with the pages splits those parts
// into more, smaller chunks, and the pages' first views pay for every split.
export { SavedList } from './SavedList.js';
export { SharesFeed } from './SharesFeed.js';
export { TopResources } from './TopResources.js';
// The goals and follow-ups sections, the add-goal form and the lead's nudge dialog ride in the
// same chunk, for the same reason. None of them may use Fluent's Dialog itself: the team page
// loads this chunk too, and Dialog would be split out of the personal page's first view.
export { AddGoalForm } from '../goals/AddGoalForm.js';
export { GoalsList } from '../goals/GoalsList.js';
export { FollowUps } from '../follow-ups/FollowUps.js';
export { OpenFollowUps } from '../follow-ups/OpenFollowUps.js';
export { NudgeDialog } from '../follow-ups/NudgeDialog.js';
export { AwaitingActions } from '../follow-through/AwaitingActions.js';
// The recommendations and coaching sections too; their dialogs (and the feed's Coach dialog) are
// built on the browser's own <dialog> (components/ModalDialog.tsx) for the same reason.
export { MyRecommendations } from '../recommendations/MyRecommendations.js';
export { TeamRecommendations } from '../recommendations/TeamRecommendations.js';
export { MyCoaching } from '../coaching/MyCoaching.js';
